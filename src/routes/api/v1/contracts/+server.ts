import { json } from '@sveltejs/kit';
import { contractListAnswer } from '$lib/server/catalogue/api-answers';
import { CONTRACT_LIST_PARAMETERS, checkContractListQuery } from '$lib/server/catalogue/api-query';
import { brusselsToday } from '$lib/server/clock';
import type { RequestHandler } from './$types';

const PUBLIC = { 'access-control-allow-origin': '*' };

/**
 * Public contracts, paginated, with the catalogue page's filters. An unknown parameter or value
 * answers 400 with the valid parameters: a filter silently ignored would widen the answer.
 */
export const GET: RequestHandler = ({ url }) => {
	const query = checkContractListQuery(url.searchParams);
	if (!query.ok)
		return json(
			{ message: query.message, parameters: CONTRACT_LIST_PARAMETERS },
			{ status: 400, headers: PUBLIC }
		);
	return json(contractListAnswer(url, brusselsToday()), {
		headers: { ...PUBLIC, 'cache-control': 'public, max-age=60' }
	});
};
