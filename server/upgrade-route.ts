/**
 * What the upgrade router and the endpoints it serves agree on: a route, and how to refuse an
 * upgrade in plain HTTP. Both import this module and not each other.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeRoute = {
	/** path prefix owned by this route, e.g. `/sync/yjs/` */
	prefix: string;
	handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
};

/** Writes a plain HTTP refusal on a socket that has not been upgraded, then closes it. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string) {
	if (socket.destroyed) return;
	socket.end(
		`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`
	);
}
