/**
 * RFC 8058 one-click unsubscribe. Every mail about a notification kind carries
 * `List-Unsubscribe: <…/desabonnement/TOKEN/KIND>` and `List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click`; a mail client then POSTs `List-Unsubscribe=One-Click` to that
 * address, from no page of the portal, so without an Origin header (or with its own).
 * SvelteKit refuses every cross-site form POST before any hook runs, and rightly so for the rest
 * of the portal: this process therefore answers those POSTs itself, for this path only, before
 * the SvelteKit handler. A POST from the portal's own page (same Origin, the confirmation
 * button) still goes to the page's form action. The token names the person, the path the kind;
 * all it allows is to stop that kind's mail (domain/relay/preferences.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { unsubscribeOneClick } from '../src/lib/server/relay/preferences';

const PATH = /^\/desabonnement\/([\w-]{10,100})\/([a-z]+)\/?$/;
const BODY = 'List-Unsubscribe=One-Click';
const MAX_BODY = 1024;

function answer(res: ServerResponse, status: number, text: string) {
	res.writeHead(status, {
		'content-type': 'text/plain; charset=utf-8',
		'cache-control': 'no-store'
	});
	res.end(text);
}

/** True when the request was a one-click POST and is answered here. */
export function handleOneClick(
	req: IncomingMessage,
	res: ServerResponse,
	ownOrigin: () => string | null
): boolean {
	if (req.method !== 'POST') return false;
	const match = PATH.exec((req.url ?? '/').split('?')[0]);
	if (!match) return false;
	const origin = req.headers.origin;
	// the portal's own confirmation form: SvelteKit's action answers it
	if (origin && origin === ownOrigin()) return false;
	const [, token, kind] = match;
	let answered = false;
	const once = (status: number, text: string) => {
		if (answered) return;
		answered = true;
		answer(res, status, text);
	};
	if (Number(req.headers['content-length']) > MAX_BODY) {
		once(413, 'Requête trop grande.');
		req.resume(); // read and drop what the client still sends
		return true;
	}
	let body = '';
	let tooLarge = false;
	req.setEncoding('utf8');
	req.on('data', (chunk: string) => {
		if (tooLarge) return;
		body += chunk;
		if (body.length > MAX_BODY) tooLarge = true;
	});
	req.on('error', () => once(400, 'Requête illisible.'));
	req.on('end', () => {
		if (tooLarge) return once(413, 'Requête trop grande.');
		const fields = new URLSearchParams(body.trim());
		if (fields.get('List-Unsubscribe') !== 'One-Click') return once(400, `Corps attendu : ${BODY}`);
		if (!unsubscribeOneClick(token, kind))
			return once(404, 'Ce lien de désabonnement est invalide.');
		once(200, 'Désabonnement enregistré.');
	});
	return true;
}
