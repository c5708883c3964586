/**
 * The sync hub: one WebSocket endpoint per protocol, each in its own folder (yjs/ speaks
 * y-websocket at `/sync/yjs/<docName>`, automerge/ speaks automerge-repo's protocol at
 * `/sync/automerge`), sharing what sits in this one: the upgrade path (Origin,
 * session), document rights by `<kind>:<id>` name, the rights watcher, the open connections, the
 * write batch and the limits and close codes. A second protocol adds its endpoint to the list.
 *
 * `syncHubRoutes` mounts the hub once per process and hands its routes to the upgrade router, so
 * `node server/index.ts` and `vite dev` serve the same hub.
 *
 * The Automerge endpoint is loaded with its first connection: Automerge is a wasm module worth
 * 16–24 MB of resident memory, which a process serving boards and pages, and no report editor
 * yet, need not carry.
 */
import { shutdownHooks } from '../shutdown';
import { log } from '../../src/lib/server/log';
import { refuseUpgrade, type UpgradeRoute } from '../upgrade-route';
import { closeAllConnections, pingConnections } from './connections';
import { PING_EVERY_MS, SESSION_CHECK_MS } from './limits';
import { closeExpiredSessions, watchRights } from './rights';
import { AUTOMERGE_PATH } from './automerge/path';
import type { SyncEndpoint } from './upgrade';
import { recoverJournal } from './write-batch';
import { yjsEndpoint } from './yjs/index';

// on globalThis: Vite's plugin may load these modules more than once in one process
const KEY = Symbol.for('centrale.syncHub');
type Holder = { [KEY]?: UpgradeRoute[] };

export function syncHubRoutes(): UpgradeRoute[] {
	const holder = globalThis as Holder;
	return (holder[KEY] ??= mountSyncHub());
}

function mountSyncHub(): UpgradeRoute[] {
	recoverJournal(); // what a killed process journalled, before any document is opened
	const endpoints = [
		yjsEndpoint(),
		lazyEndpoint(AUTOMERGE_PATH, async () =>
			(await import('./automerge/index')).automergeEndpoint()
		)
	];
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

/**
 * An endpoint whose module is imported when its first socket arrives. Sockets arriving meanwhile
 * wait for the same import; one that closes meanwhile is dropped.
 */
function lazyEndpoint(prefix: string, load: () => Promise<SyncEndpoint>): SyncEndpoint {
	let endpoint: SyncEndpoint | undefined;
	let loading: Promise<SyncEndpoint> | undefined;
	return {
		route: {
			prefix,
			handle(req, socket, head) {
				if (endpoint) return endpoint.route.handle(req, socket, head);
				loading ??= load().then((loaded) => (endpoint = loaded));
				loading.then(
					(loaded) => {
						if (!socket.destroyed) loaded.route.handle(req, socket, head);
					},
					(err: unknown) => {
						loading = undefined; // the next socket tries again
						log().error({ err, prefix }, 'sync: could not load an endpoint');
						refuseUpgrade(socket, 503, 'Service Unavailable');
					}
				);
			}
		},
		close: () => endpoint?.close()
	};
}
