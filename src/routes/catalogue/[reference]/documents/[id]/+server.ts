import { error } from '@sveltejs/kit';
import { serveDocument } from '$lib/server/catalogue/documents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) => {
	const response = serveDocument(params.reference, Number(params.id), locals.user);
	if (!response) error(404, 'Ce document est introuvable.');
	return response;
};
