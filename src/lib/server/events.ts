import { EventEmitter } from 'node:events';

/**
 * In-process events between the SvelteKit bundle and server/ (the sync hub), which each hold a
 * copy of this module: the emitter lives on globalThis so both copies share it.
 *
 * - `sessions.ended` { userId, sessionId? }: sessions ended (logout, revocation, password change);
 *   without sessionId, every session of the user except possibly `keep`.
 * - `rights.changed` { userId? , organisationId? }: rights may have shrunk; open sockets recheck.
 */
export interface CentraleEvents {
	'sessions.ended': { userId: number; sessionId?: string; keep?: string };
	'rights.changed': { userId?: number; organisationId?: number; docName?: string };
}

const KEY = Symbol.for('centrale.events');
type Holder = { [KEY]?: EventEmitter };

function emitter(): EventEmitter {
	const holder = globalThis as Holder;
	holder[KEY] ??= new EventEmitter().setMaxListeners(50);
	return holder[KEY];
}

export function emit<E extends keyof CentraleEvents>(event: E, payload: CentraleEvents[E]) {
	emitter().emit(event, payload);
}

export function on<E extends keyof CentraleEvents>(
	event: E,
	listener: (payload: CentraleEvents[E]) => void
) {
	emitter().on(event, listener);
	return () => emitter().off(event, listener);
}
