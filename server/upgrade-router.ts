/**
 * Routes HTTP upgrade requests by path to the WebSocket endpoints (the sync hub). Used by
 * server/index.ts and, through the Vite plugin, by `vite dev` and `vite preview`: one code path.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { mountSyncHub } from './sync/index';

export type UpgradeRoute = {
	/** path prefix owned by this route, e.g. `/sync/yjs/` */
	prefix: string;
	handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
};

const KEY = Symbol.for('centrale.upgradeRoutes');
type Holder = { [KEY]?: UpgradeRoute[] };

/** The routes registered in this process (the sync hub adds its endpoints here). */
export function upgradeRoutes(): UpgradeRoute[] {
	const holder = globalThis as Holder;
	holder[KEY] ??= [];
	return holder[KEY];
}

export function registerUpgradeRoute(route: UpgradeRoute) {
	const routes = upgradeRoutes();
	const at = routes.findIndex((r) => r.prefix === route.prefix);
	if (at >= 0) routes[at] = route;
	else routes.push(route);
}

/** Writes a plain HTTP refusal on a socket that has not been upgraded, then closes it. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string) {
	if (socket.destroyed) return;
	socket.end(
		`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`
	);
}

/**
 * Returns a handler for `upgrade` events. It answers every path under /sync/ (404 when no route
 * owns it) and returns false for other paths, which belong to someone else (Vite's HMR socket).
 */
export function createUpgradeRouter() {
	mountSyncHub(registerUpgradeRoute); // once per process, however many routers are created
	return (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
		const path = (req.url ?? '/').split('?')[0];
		if (!path.startsWith('/sync/')) return false;
		socket.on('error', () => socket.destroy());
		const route = upgradeRoutes().find((r) => path.startsWith(r.prefix));
		if (!route) {
			refuseUpgrade(socket, 404, 'Not Found');
			return true;
		}
		route.handle(req, socket, head);
		return true;
	};
}
