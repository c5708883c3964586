import { error, json } from '@sveltejs/kit';
import { contractAnswer } from '$lib/server/catalogue/api-answers';
import { brusselsToday } from '$lib/server/clock';
import type { RequestHandler } from './$types';

/** One contract by numeric id or by reference. */
export const GET: RequestHandler = ({ params }) => {
	const answer = contractAnswer(params.id, brusselsToday());
	if (!answer) error(404, 'Ce marché est introuvable.');
	return json(answer, {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' }
	});
};
