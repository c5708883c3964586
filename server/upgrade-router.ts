/**
 * Routes HTTP upgrade requests by path to the WebSocket endpoints (the sync hub). Used by
 * server/index.ts and, through the Vite plugin, by `vite dev` and `vite preview`: one code path.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { syncHubRoutes } from './sync/index';
import { refuseUpgrade, type UpgradeRoute } from './upgrade-route';

/** The process's router: the sync hub's endpoints (mounted once, however many routers). */
export function createUpgradeRouter() {
	return routeUpgrades(syncHubRoutes());
}

/**
 * Returns a handler for `upgrade` events. It answers every path under /sync/ (404 when no route
 * owns it) and returns false for other paths, which belong to someone else (Vite's HMR socket).
 */
export function routeUpgrades(routes: readonly UpgradeRoute[]) {
	return (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
		const path = (req.url ?? '/').split('?')[0];
		if (!path.startsWith('/sync/')) return false;
		socket.on('error', () => socket.destroy());
		const route = routes.find((r) => path.startsWith(r.prefix));
		if (!route) {
			refuseUpgrade(socket, 404, 'Not Found');
			return true;
		}
		route.handle(req, socket, head);
		return true;
	};
}
