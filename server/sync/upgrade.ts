/**
 * The upgrade path every sync endpoint shares. Origin first: a refusal is plain HTTP 403, so no
 * other site's page can open a socket with the user's cookie. The session and the rights are
 * checked after the upgrade and refused with close codes (4401 here, 4403/4404 by the protocol):
 * a browser's WebSocket API cannot read the HTTP status of a refused upgrade, so a 401 or 403
 * there would look like a network failure and y-websocket would reconnect forever, whereas it
 * treats 44xx closes as final.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { log } from '../../src/lib/server/log';
import { refuseUpgrade, type UpgradeRoute } from '../upgrade-route';
import { authenticate, type Authenticated } from './access';
import { trackConnection, type HubConnection } from './connections';
import { CLOSE, MAX_MESSAGE_BYTES } from './limits';

/** One protocol's endpoint on the hub: the path it owns, and what it frees at shutdown. */
export interface SyncEndpoint {
	route: UpgradeRoute;
	/** called after every connection was closed */
	close(): void;
}

/**
 * Opens a protocol's connection for an authenticated socket, or closes the socket with the
 * refusal's code and returns nothing. `socket` is the one `ws` speaks over, for frames written
 * once for many peers (frame.ts).
 */
export type OpenConnection = (
	ws: WebSocket,
	auth: Authenticated,
	req: IncomingMessage,
	socket: Duplex
) => HubConnection | void;

/** A WebSocket server for one endpoint, bounded as every endpoint is. */
export function createSocketServer(): WebSocketServer {
	// perMessageDeflate off: updates are small and compressing each one costs more than it saves
	return new WebSocketServer({
		noServer: true,
		maxPayload: MAX_MESSAGE_BYTES,
		perMessageDeflate: false
	});
}

export function acceptUpgrade(
	wss: WebSocketServer,
	req: IncomingMessage,
	socket: Duplex,
	head: Buffer,
	openConnection: OpenConnection
) {
	if (!originAllowed(req)) return refuseUpgrade(socket, 403, 'Forbidden');
	wss.handleUpgrade(req, socket, head, (ws) => {
		ws.on('error', (err) => log().debug({ err }, 'sync: socket error'));
		try {
			const auth = authenticate(req);
			if (!auth) return ws.close(CLOSE.noSession, 'session');
			const conn = openConnection(ws, auth, req, socket);
			if (conn) trackConnection(conn);
		} catch (err) {
			log().error({ err }, 'sync: could not admit a connection');
			ws.close(CLOSE.internal, 'server error');
		}
	});
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
