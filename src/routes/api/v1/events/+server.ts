import { json } from '@sveltejs/kit';
import { eventListAnswer } from '$lib/server/peers/api';
import type { RequestHandler } from './$types';

/** Rencontres, paginated, without video links; the same answer for everyone. */
export const GET: RequestHandler = ({ url }) =>
	json(eventListAnswer(url), {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' }
	});
