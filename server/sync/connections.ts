/**
 * The hub's open sockets, whatever their protocol: what the rights watcher, the pings and the
 * shutdown walk over. The shared upgrade path adds each admitted connection; its socket's close
 * removes it.
 */
import type { WebSocket } from 'ws';
import type { Actor } from '../../src/lib/domain/permissions';
import { CLOSE } from './limits';

/** A client socket as the shared part of the hub sees it. */
export interface HubConnection {
	readonly ws: WebSocket;
	readonly sessionId: string;
	/** the user as last checked: their id, role and organisation */
	readonly actor: Actor;
	/** true when this connection has the document open */
	holds(docName: string): boolean;
	/**
	 * Applies the rights of `actor` (the user as the database holds them now) to every document
	 * the connection has open: closes it with a final code, or switches it between read and write.
	 */
	reauthorise(actor: Actor): void;
	close(code: number, reason: string): void;
}

/** set by pongs, cleared by each ping round */
type Liveness = { alive: boolean };

const open = new Map<HubConnection, Liveness>();

export function trackConnection(conn: HubConnection) {
	const liveness = { alive: true };
	open.set(conn, liveness);
	conn.ws.on('pong', () => (liveness.alive = true));
	conn.ws.on('close', () => open.delete(conn));
}

/** A copy: closing a connection while walking over them must not disturb the walk. */
export function openConnections(): HubConnection[] {
	return [...open.keys()];
}

/** Pings every socket; one that did not answer the previous ping is dead. */
export function pingConnections() {
	for (const [conn, liveness] of [...open]) {
		if (!liveness.alive) {
			conn.ws.terminate();
			continue;
		}
		liveness.alive = false;
		conn.ws.ping();
	}
}

/** Closes every socket (shutdown): clients reconnect to the next process. */
export function closeAllConnections() {
	for (const conn of openConnections()) conn.close(CLOSE.goingAway, 'server restarting');
}
