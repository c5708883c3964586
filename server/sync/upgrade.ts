/**
 * The upgrade path of `/sync/yjs/<docName>`: Origin first (a refusal is plain HTTP 403, so no
 * other site's page can open a socket with the user's cookie), then the socket is upgraded and
 * closed with a 44xx code y-websocket treats as final when the session or the right is missing.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { log } from '../../src/lib/server/log';
import { refuseUpgrade } from '../upgrade-router';
import { authenticate, resolveAccess } from './access';
import { Connection } from './connection';
import { CLOSE } from './limits';
import { openRoom } from './rooms';

export const YJS_PREFIX = '/sync/yjs/';

export function handleYjsUpgrade(
	wss: WebSocketServer,
	req: IncomingMessage,
	socket: Duplex,
	head: Buffer
) {
	if (!originAllowed(req)) return refuseUpgrade(socket, 403, 'Forbidden');
	wss.handleUpgrade(req, socket, head, (ws) => {
		ws.on('error', (err) => log().debug({ err }, 'sync: socket error'));
		try {
			admit(ws, req);
		} catch (err) {
			log().error({ err }, 'sync: could not admit a connection');
			ws.close(CLOSE.internal, 'server error');
		}
	});
}

function admit(ws: WebSocket, req: IncomingMessage) {
	const auth = authenticate(req);
	if (!auth) return ws.close(CLOSE.noSession, 'session');
	const docName = docNameOf(req.url ?? '');
	const access = docName ? resolveAccess(auth.actor, docName) : 'missing';
	if (access === 'missing') return ws.close(CLOSE.notFound, 'document');
	if (access === 'none') return ws.close(CLOSE.forbidden, 'forbidden');
	new Connection(ws, openRoom(docName!), auth.actor, auth.sessionId, access);
}

function docNameOf(url: string): string | null {
	const path = url.split('?')[0];
	if (!path.startsWith(YJS_PREFIX)) return null;
	try {
		return decodeURIComponent(path.slice(YJS_PREFIX.length));
	} catch {
		return null;
	}
}

/** The page's origin must be this server's own (or ORIGIN when set behind a proxy). */
function originAllowed(req: IncomingMessage): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	if (process.env.ORIGIN && origin === process.env.ORIGIN) return true;
	try {
		return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
	} catch {
		return false;
	}
}
