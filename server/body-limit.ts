/**
 * Bounds every request body by what its route can need (src/lib/server/request-body.ts): a small
 * limit everywhere, the large one for document uploads. adapter-node's BODY_SIZE_LIMIT is one
 * number for the whole process, so it is set to the large limit as an outer bound, and this
 * module, which sees each request before the SvelteKit handler, applies the route's own:
 *
 * - a body that announces its length: refused at once with 413 when it is over, before a byte
 *   of it is read (Node's parser never delivers more than the announced length);
 * - a chunked body without a length: counted as it arrives, by a `data` listener attached before
 *   SvelteKit's own (listeners run in order). Past the limit it fails the request's body stream
 *   with a 413 error, which SvelteKit's reader receives before it keeps the chunk; the route's
 *   `formData()` then answers 413 in French (readForm in src/lib/server/forms.ts).
 *
 * Either way, what the client still sends is read and dropped for a short while, then the socket
 * is closed. Not at once: closing a socket with unread data resets it, and the client could lose
 * the answer it has not read yet.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyLimitFor, FORM_TOO_LARGE } from '../src/lib/server/request-body';

/** how long the rest of a refused body is read and dropped before the socket is closed */
const LINGER_MS = 2000;

class BodyTooLarge extends Error {
	readonly status = 413;
}

/** False when the request was answered here (413); true when the handler should have it. */
export function boundRequestBody(req: IncomingMessage, res: ServerResponse): boolean {
	if (req.method === 'GET' || req.method === 'HEAD') return true;
	const limit = bodyLimitFor(req.url ?? '/');
	const announced = Number(req.headers['content-length']);
	if (Number.isFinite(announced)) {
		if (announced <= limit) return true;
		refuse(req, res);
		return false;
	}
	if (req.headers['transfer-encoding'] !== undefined) countChunks(req, res, limit);
	return true;
}

function countChunks(req: IncomingMessage, res: ServerResponse, limit: number) {
	// paused explicitly, so that attaching a listener does not start the flow before SvelteKit
	// reads the body (it resumes the stream when it does)
	req.pause();
	// a failure emitted below must never be an unhandled 'error' event
	req.on('error', () => {});
	let received = 0;
	const count = (chunk: Buffer) => {
		received += chunk.length;
		if (received <= limit) return;
		req.off('data', count);
		req.emit('error', new BodyTooLarge(FORM_TOO_LARGE));
		drainThenClose(req, res);
	};
	req.on('data', count);
}

/** 413 in the form the sender reads: use:enhance's JSON, a page, or plain text. */
function refuse(req: IncomingMessage, res: ServerResponse) {
	const enhanced = req.headers['x-sveltekit-action'] === 'true';
	const html = !enhanced && (req.headers.accept ?? '').includes('text/html');
	const body = enhanced
		? JSON.stringify({ type: 'error', error: { message: FORM_TOO_LARGE } })
		: html
			? page(FORM_TOO_LARGE)
			: FORM_TOO_LARGE;
	res.writeHead(413, {
		'content-type': enhanced
			? 'application/json'
			: `${html ? 'text/html' : 'text/plain'}; charset=utf-8`,
		'content-length': Buffer.byteLength(body),
		'x-content-type-options': 'nosniff'
	});
	res.end(body);
	drainThenClose(req, res);
}

function drainThenClose(req: IncomingMessage, res: ServerResponse) {
	req.resume();
	const close = () => {
		if (req.complete) return;
		const timer = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
		// drained in time: the connection lives on and may carry the client's next request
		req.once('end', () => clearTimeout(timer));
	};
	if (res.writableFinished) close();
	else res.once('finish', close);
}

function page(message: string) {
	return `<!doctype html>
<html lang="fr">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Formulaire trop volumineux — Centrale</title>
<body style="font: 1.125rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Formulaire trop volumineux</h1>
<p>${message}</p>
<p><a href="/">Retour à l’accueil</a></p>
</body>
</html>
`;
}
