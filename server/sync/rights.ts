/**
 * Live sockets follow the rights: an ended session closes its sockets (4401); when rights may
 * have changed, affected sockets are checked again and closed (4403/4404) or switched between
 * read and write.
 */
import { isSessionLive } from '../../src/lib/server/auth/session';
import { on, type CentraleEvents } from '../../src/lib/server/events';
import { log } from '../../src/lib/server/log';
import { reloadActor, resolveAccess } from './access';
import { Connection } from './connection';
import { CLOSE } from './limits';
import { liveRooms } from './rooms';

function* connections(): Generator<Connection> {
	for (const room of liveRooms()) {
		for (const peer of room.peers) if (peer instanceof Connection) yield peer;
	}
}

function sessionsEnded({ userId, sessionId, keep }: CentraleEvents['sessions.ended']) {
	for (const conn of [...connections()]) {
		if (conn.userId !== userId) continue;
		const ended = sessionId ? conn.sessionId === sessionId : conn.sessionId !== keep;
		if (ended) conn.close(CLOSE.noSession, 'session ended');
	}
}

function affected(conn: Connection, change: CentraleEvents['rights.changed']): boolean {
	if (change.userId !== undefined && conn.userId !== change.userId) return false;
	if (change.organisationId !== undefined && conn.actor.organisationId !== change.organisationId)
		return false;
	if (change.docName !== undefined && conn.room.name !== change.docName) return false;
	return true;
}

function rightsChanged(change: CentraleEvents['rights.changed']) {
	for (const conn of [...connections()]) {
		if (!affected(conn, change)) continue;
		try {
			recheck(conn);
		} catch (err) {
			log().error({ err }, 'sync: could not recheck a connection; closing it');
			conn.close(CLOSE.internal, 'server error');
		}
	}
}

function recheck(conn: Connection) {
	const actor = reloadActor(conn.userId);
	if (!actor) return conn.close(CLOSE.noSession, 'session');
	const access = resolveAccess(actor, conn.room.name);
	if (access === 'missing') return conn.close(CLOSE.notFound, 'document');
	if (access === 'none') return conn.close(CLOSE.forbidden, 'forbidden');
	conn.actor = actor;
	conn.mode = access;
}

/** Subscribes to the events; returns the unsubscribe function. */
export function watchRights(): () => void {
	const offSessions = on('sessions.ended', sessionsEnded);
	const offRights = on('rights.changed', rightsChanged);
	return () => {
		offSessions();
		offRights();
	};
}

/** Pings every socket; one that did not answer the previous ping is dead. */
export function pingConnections() {
	for (const conn of [...connections()]) {
		if (!conn.alive) {
			conn.ws.terminate();
			continue;
		}
		conn.alive = false;
		conn.ws.ping();
	}
}

/** Closes the sockets whose session has expired (expiry ends a session without any event). */
export function closeExpiredSessions() {
	const now = new Date();
	const live = new Map<string, boolean>();
	for (const conn of [...connections()]) {
		if (!live.has(conn.sessionId)) live.set(conn.sessionId, isSessionLive(conn.sessionId, now));
		if (!live.get(conn.sessionId)) conn.close(CLOSE.noSession, 'session expired');
	}
}

/** Closes every socket (shutdown): clients reconnect to the next process. */
export function closeAllConnections() {
	for (const conn of [...connections()]) conn.close(CLOSE.goingAway, 'server restarting');
}
