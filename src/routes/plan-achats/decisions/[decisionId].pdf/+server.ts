import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { serveDecisionPdf } from '$lib/server/plan/decision-files';
import type { RequestHandler } from './$types';

/** A recorded decision's signed PDF: 404 to whoever may not read it, as if it did not exist. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const response = serveDecisionPdf(Number(event.params.decisionId), user);
	if (!response) error(404, 'Ce document est introuvable.');
	return response;
};
