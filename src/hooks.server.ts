import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { getDb } from '$lib/server/db/client';
import { seededByServer } from '$lib/server/db/seed/state';
import { readForm } from '$lib/server/forms';
import { log } from '$lib/server/log';
import { securityHeaders } from '$lib/server/security-headers';

/**
 * server/index.ts migrates and seeds before serving; `vite dev` has no such step, so the app
 * does it here (idempotent: reference data once, demo data once). The seeders are loaded only
 * then: they carry Automerge and the demo content, which a served page never needs.
 */
export const init: ServerInit = async () => {
	if (seededByServer()) return;
	const { seedDatabase } = await import('$lib/server/db/seed/index');
	await seedDatabase(getDb(), { demo: config().demo });
};

/**
 * Every route reads its form with `event.request.formData()`. Sending that one method through
 * readForm here answers an unreadable or oversized body with 400 or 413 in French on every
 * route, present and future, instead of a 500 from wherever the form was read.
 */
function answerBadForms(request: Request) {
	if (request.method === 'GET' || request.method === 'HEAD') return;
	const read = request.formData.bind(request);
	// a second read is a bug in the route, not the sender's mistake: it fails as it would
	request.formData = () => (request.bodyUsed ? read() : readForm(read));
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	answerBadForms(event.request);
	event.locals.requestId = crypto.randomUUID();
	event.locals.user = null;
	event.locals.session = null;

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { session, user } = validateSessionToken(token);
		if (session) {
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}

	const response = await resolve(event);
	const csp = response.headers.get('content-security-policy');
	for (const [name, value] of Object.entries(securityHeaders(event.url, csp)))
		response.headers.set(name, value);
	response.headers.set('x-request-id', event.locals.requestId);
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');

	const ms = Math.round((performance.now() - started) * 10) / 10;
	log().info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms,
			userId: event.locals.user?.id
		},
		'request'
	);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? crypto.randomUUID();
	if (status !== 404) {
		log().error({ err: error, requestId, path: event.url.pathname, status }, 'unhandled error');
	}
	return {
		message:
			status === 404 ? 'Page introuvable' : message && status < 500 ? message : 'Erreur interne',
		requestId
	};
};
