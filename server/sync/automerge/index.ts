/**
 * The automerge-repo endpoint, `/sync/automerge`: a stock `WebSocketClientAdapter` (or the
 * browser's) connects unchanged. The session is checked at the upgrade (the shared path); the
 * documents, named inside the protocol, are checked per request (connection.ts).
 */
import type { WebSocket } from 'ws';
import type { Authenticated } from '../access';
import { acceptUpgrade, createSocketServer, type SyncEndpoint } from '../upgrade';
import { AutomergeConnection } from './connection';
import { AUTOMERGE_PATH } from './path';
import { unloadAllAutomergeRooms } from './rooms';

export function automergeEndpoint(): SyncEndpoint {
	const wss = createSocketServer();
	return {
		route: {
			prefix: AUTOMERGE_PATH,
			handle: (req, socket, head) => acceptUpgrade(wss, req, socket, head, openConnection)
		},
		close: unloadAllAutomergeRooms
	};
}

function openConnection(ws: WebSocket, auth: Authenticated) {
	return new AutomergeConnection(ws, auth.actor, auth.sessionId);
}
