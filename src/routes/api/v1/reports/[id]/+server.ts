import { error, json } from '@sveltejs/kit';
import { reportAnswer } from '$lib/server/reports/api';
import type { RequestHandler } from './$types';

/** One published report, as the list gives it; 404 when this caller may not read it. */
export const GET: RequestHandler = ({ params, locals }) => {
	const answer = reportAnswer(params.id, locals.user);
	if (!answer) error(404, 'Ce retour d’expérience est introuvable.');
	return json(answer, {
		headers: {
			'access-control-allow-origin': '*',
			vary: 'cookie',
			'cache-control': locals.user ? 'private, no-store' : 'public, max-age=60'
		}
	});
};
