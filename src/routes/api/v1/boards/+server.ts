import { error, json } from '@sveltejs/kit';
import { boardListAnswer } from '$lib/server/boards/api-answers';
import type { RequestHandler } from './$types';

/** The boards the logged-in user can see, with the Yjs document to open and the right to write. */
export const GET: RequestHandler = ({ locals }) => {
	const user = locals.user;
	if (!user) error(401, 'Connectez-vous pour voir les tableaux.');
	return json(boardListAnswer(user));
};
