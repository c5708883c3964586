/**
 * The y-websocket endpoint, `/sync/yjs/<docName>`: a stock y-websocket client connects unchanged.
 * The document is named in the path, so its rights are settled when the socket opens.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { documentMode, type Authenticated } from '../access';
import { acceptUpgrade, createSocketServer, type SyncEndpoint } from '../upgrade';
import { Connection } from './connection';
import { openRoom, unloadAllRooms } from './rooms';

export const YJS_PREFIX = '/sync/yjs/';

export function yjsEndpoint(): SyncEndpoint {
	const wss = createSocketServer();
	return {
		route: {
			prefix: YJS_PREFIX,
			handle: (req, socket, head) => acceptUpgrade(wss, req, socket, head, openConnection)
		},
		close: unloadAllRooms
	};
}

function openConnection(ws: WebSocket, auth: Authenticated, req: IncomingMessage, socket: Duplex) {
	const docName = docNameOf(req.url ?? '');
	const mode = documentMode(auth.actor, docName);
	if (typeof mode !== 'string') return ws.close(mode.code, mode.reason);
	return new Connection(ws, socket, openRoom(docName!), auth.actor, auth.sessionId, mode);
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
