/**
 * The sync hub: `/sync/yjs/<docName>` speaking the y-websocket protocol, with sessions, rights,
 * write-before-relay persistence and bounded messages. `mountSyncHub` is called once per process
 * by the upgrade router, so `node server/index.ts` and `vite dev` serve the same hub.
 */
import { WebSocketServer } from 'ws';
import { shutdownHooks } from '../shutdown';
import type { UpgradeRoute } from '../upgrade-router';
import { MAX_MESSAGE_BYTES, PING_EVERY_MS, SESSION_CHECK_MS } from './limits';
import { closeAllConnections, closeExpiredSessions, pingConnections, watchRights } from './rights';
import { unloadAllRooms } from './rooms';
import { handleYjsUpgrade, YJS_PREFIX } from './upgrade';

const KEY = Symbol.for('centrale.syncHub');
type Holder = { [KEY]?: boolean };

export function mountSyncHub(register: (route: UpgradeRoute) => void) {
	const holder = globalThis as Holder;
	if (holder[KEY]) return;
	holder[KEY] = true;
	// perMessageDeflate off: updates are small and compressing each one costs more than it saves
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: MAX_MESSAGE_BYTES,
		perMessageDeflate: false
	});
	register({
		prefix: YJS_PREFIX,
		handle: (req, socket, head) => handleYjsUpgrade(wss, req, socket, head)
	});
	const stopWatching = watchRights();
	const pings = setInterval(pingConnections, PING_EVERY_MS);
	pings.unref();
	const sessionChecks = setInterval(closeExpiredSessions, SESSION_CHECK_MS());
	sessionChecks.unref();
	shutdownHooks().push(() => {
		clearInterval(pings);
		clearInterval(sessionChecks);
		stopWatching();
		closeAllConnections();
		unloadAllRooms();
	});
}
