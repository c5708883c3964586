/**
 * Live sockets follow the rights: an ended session closes its sockets (4401); when rights may
 * have changed, affected sockets are checked again and closed (4403/4404) or switched between
 * read and write.
 */
import { isSessionLive } from '../../src/lib/server/auth/session';
import { on, type CentraleEvents } from '../../src/lib/server/events';
import { log } from '../../src/lib/server/log';
import { reloadActor } from './access';
import { openConnections, type HubConnection } from './connections';
import { CLOSE } from './limits';

function sessionsEnded({ userId, sessionId, keep }: CentraleEvents['sessions.ended']) {
	for (const conn of openConnections()) {
		if (conn.actor.id !== userId) continue;
		const ended = sessionId ? conn.sessionId === sessionId : conn.sessionId !== keep;
		if (ended) conn.close(CLOSE.noSession, 'session ended');
	}
}

function affected(conn: HubConnection, change: CentraleEvents['rights.changed']): boolean {
	if (change.userId !== undefined && conn.actor.id !== change.userId) return false;
	if (change.organisationId !== undefined && conn.actor.organisationId !== change.organisationId)
		return false;
	if (change.docName !== undefined && !conn.holds(change.docName)) return false;
	return true;
}

function rightsChanged(change: CentraleEvents['rights.changed']) {
	for (const conn of openConnections()) {
		if (!affected(conn, change)) continue;
		try {
			recheck(conn);
		} catch (err) {
			log().error({ err }, 'sync: could not recheck a connection; closing it');
			conn.close(CLOSE.internal, 'server error');
		}
	}
}

function recheck(conn: HubConnection) {
	const actor = reloadActor(conn.actor.id);
	if (!actor) return conn.close(CLOSE.noSession, 'session');
	conn.reauthorise(actor);
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

/** Closes the sockets whose session has expired (expiry ends a session without any event). */
export function closeExpiredSessions() {
	const now = new Date();
	const live = new Map<string, boolean>();
	for (const conn of openConnections()) {
		if (!live.has(conn.sessionId)) live.set(conn.sessionId, isSessionLive(conn.sessionId, now));
		if (!live.get(conn.sessionId)) conn.close(CLOSE.noSession, 'session expired');
	}
}
