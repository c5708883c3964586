/**
 * One thread of the fan-out load (sync-load.ts): the writer and the receivers of some boards, each
 * board whole in one thread, so that an update's send and its arrivals are timed by one clock.
 *
 * Messages from the main thread: `start` (the wall-clock time of the first tick), `open` and
 * `close` (the measured window), `stop`. To it: `ready` once every client has synced, the window's
 * figures at `close`, `stopped`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type * as Y from 'yjs';
import { connectAll, wallNow } from './sync-load';

export interface LoadWorkerData {
	url: string;
	cookie?: string;
	clientsPerBoard: number;
	updatesPerSecond: number;
	/** each board's document and its writer's phase, a fraction of the period */
	boards: { docName: string; phase: number }[];
}

export type ToWorker =
	{ type: 'start'; at: number } | { type: 'open' } | { type: 'close' } | { type: 'stop' };

export type FromWorker =
	| { type: 'ready' }
	| { type: 'window'; latencies: Float64Array; sent: number; deliveries: number }
	| { type: 'stopped' };

const port = parentPort!;
const data = workerData as LoadWorkerData;
process.setMaxListeners(0); // every y-websocket provider listens for process exit

const clients = await connectAll(
	data.url,
	data.boards.map((b) => b.docName),
	data.clientsPerBoard,
	data.cookie
);
const receivers = data.clientsPerBoard - 1;
const pending = new Map<string, { sentAt: number; remaining: number; slowest: number }>();
let latencies: number[] = [];
let measuring = false;
let sent = 0;
let deliveries = 0;

clients.forEach((board, b) => {
	for (const client of board.slice(1)) {
		client.doc.getMap<number>('ticks').observe((event: Y.YMapEvent<number>) => {
			const now = performance.now();
			for (const key of event.keysChanged) {
				const entry = pending.get(`${b}:${key}`);
				if (!entry) continue;
				deliveries++;
				entry.slowest = Math.max(entry.slowest, now - entry.sentAt);
				if (--entry.remaining > 0) continue;
				pending.delete(`${b}:${key}`);
				if (measuring) latencies.push(entry.slowest);
			}
		});
	}
});

const period = 1000 / data.updatesPerSecond;
const timers = new Set<NodeJS.Timeout>();

/**
 * Each writer starts ticking at `at + phase · period` of the shared clock, then every period, by
 * setInterval as when the load ran in one thread: writers ticking together start together in
 * every thread.
 */
function startWriters(at: number) {
	clients.forEach((board, b) => {
		const ticks = board[0].doc.getMap<number>('ticks');
		let n = 0;
		const tick = () => {
			const key = String(n++);
			const sentAt = performance.now();
			pending.set(`${b}:${key}`, { sentAt, remaining: receivers, slowest: 0 });
			if (measuring) sent++;
			ticks.set(key, sentAt);
		};
		const first = setTimeout(
			() => {
				timers.delete(first);
				timers.add(setInterval(tick, period));
			},
			at + data.boards[b].phase * period - wallNow()
		);
		timers.add(first);
	});
}

port.on('message', (message: ToWorker) => {
	switch (message.type) {
		case 'start':
			return startWriters(message.at);
		case 'open':
			measuring = true;
			sent = 0;
			deliveries = 0;
			latencies = [];
			return;
		case 'close': {
			measuring = false;
			const window = Float64Array.from(latencies);
			const reply: FromWorker = { type: 'window', latencies: window, sent, deliveries };
			return port.postMessage(reply, [window.buffer]);
		}
		case 'stop':
			for (const timer of timers) clearTimeout(timer);
			for (const client of clients.flat()) client.destroy();
			port.postMessage({ type: 'stopped' } satisfies FromWorker);
			return port.close();
	}
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
