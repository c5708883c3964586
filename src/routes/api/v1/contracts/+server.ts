import { json } from '@sveltejs/kit';
import { contractListAnswer } from '$lib/server/catalogue/api-answers';
import { brusselsToday } from '$lib/server/clock';
import type { RequestHandler } from './$types';

/** Public contracts, paginated, with the same filters as the catalogue page. */
export const GET: RequestHandler = ({ url }) =>
	json(contractListAnswer(url, brusselsToday()), {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' }
	});
