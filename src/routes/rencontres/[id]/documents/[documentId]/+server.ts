import { error } from '@sveltejs/kit';
import { serveEventDocument } from '$lib/server/peers/event-pages';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) => {
	const response = serveEventDocument(locals.user, Number(params.id), Number(params.documentId));
	if (!response) error(404, 'Ce document est introuvable.');
	return response;
};
