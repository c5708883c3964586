import { json } from '@sveltejs/kit';
import { queryProblem } from '$lib/server/api/query';
import { usageListAnswer } from '$lib/server/peers/api';
import { checkUsageListQuery, usageListQuery } from '$lib/server/peers/api-query';
import type { RequestHandler } from './$types';

const PUBLIC = { 'access-control-allow-origin': '*' };

/**
 * Declared uses whose commune accepts contact, paginated; the same answer for everyone.
 * An unknown parameter or value answers 400 with the valid parameters.
 */
export const GET: RequestHandler = ({ url }) => {
	const query = checkUsageListQuery(url.searchParams);
	if (!query.ok)
		return json(queryProblem(usageListQuery, query.message), { status: 400, headers: PUBLIC });
	return json(usageListAnswer(url), {
		headers: { ...PUBLIC, 'cache-control': 'public, max-age=60' }
	});
};
