/**
 * The sync hub: one WebSocket endpoint per protocol, each in its own folder (yjs/ speaks
 * y-websocket at `/sync/yjs/<docName>`, automerge/ speaks automerge-repo's protocol at
 * `/sync/automerge`), sharing what sits in this one: the upgrade path (Origin,
 * session), document rights by `<kind>:<id>` name, the rights watcher, the open connections, the
 * write batch and the limits and close codes. A second protocol adds its endpoint to the list.
 *
 * `syncHubRoutes` mounts the hub once per process and hands its routes to the upgrade router, so
 * `node server/index.ts` and `vite dev` serve the same hub.
 */
import { shutdownHooks } from '../shutdown';
import type { UpgradeRoute } from '../upgrade-route';
import { closeAllConnections, pingConnections } from './connections';
import { PING_EVERY_MS, SESSION_CHECK_MS } from './limits';
import { closeExpiredSessions, watchRights } from './rights';
import { automergeEndpoint } from './automerge/index';
import { yjsEndpoint } from './yjs/index';

// on globalThis: Vite's plugin may load these modules more than once in one process
const KEY = Symbol.for('centrale.syncHub');
type Holder = { [KEY]?: UpgradeRoute[] };

export function syncHubRoutes(): UpgradeRoute[] {
	const holder = globalThis as Holder;
	return (holder[KEY] ??= mountSyncHub());
}

function mountSyncHub(): UpgradeRoute[] {
	const endpoints = [yjsEndpoint(), automergeEndpoint()];
	const stopWatching = watchRights();
	const pings = setInterval(pingConnections, PING_EVERY_MS);
	pings.unref();
	const sessionChecks = setInterval(closeExpiredSessions, SESSION_CHECK_MS);
	sessionChecks.unref();
	shutdownHooks().push(() => {
		clearInterval(pings);
		clearInterval(sessionChecks);
		stopWatching();
		closeAllConnections();
		for (const endpoint of endpoints) endpoint.close();
	});
	return endpoints.map((endpoint) => endpoint.route);
}
