import { json } from '@sveltejs/kit';
import { queryProblem } from '$lib/server/api/query';
import { eventListAnswer } from '$lib/server/peers/api';
import { checkEventListQuery, eventListQuery } from '$lib/server/peers/api-query';
import type { RequestHandler } from './$types';

const PUBLIC = { 'access-control-allow-origin': '*' };

/**
 * Rencontres, paginated, without video links; the same answer for everyone.
 * An unknown parameter or value answers 400 with the valid parameters.
 */
export const GET: RequestHandler = ({ url }) => {
	const query = checkEventListQuery(url.searchParams);
	if (!query.ok)
		return json(queryProblem(eventListQuery, query.message), { status: 400, headers: PUBLIC });
	return json(eventListAnswer(url), {
		headers: { ...PUBLIC, 'cache-control': 'public, max-age=60' }
	});
};
