/**
 * The fan-out load: on each board one writer sets a key `n` to its send time at a fixed rate; every
 * other client on the board records when the key arrives. An update counts once every receiver
 * has it; its latency is the slowest receiver's.
 *
 * Writers either tick `together` (every board's update in the same millisecond: bursts of one
 * update per board, the worst case for queueing) or `independent`ly, each at its own phase within
 * the period, as people typing on different boards do. The phases come from a fixed seed, so
 * both servers of a comparison get the same ones.
 */
import type * as Y from 'yjs';
import { connectYjs, type YjsClient } from '../support/yjs-client';
import { percentile } from './sync-support';

export interface LoadOptions {
	clientsPerBoard: number;
	updatesPerSecond: number;
	warmupMs: number;
	measureMs: number;
	writers: 'together' | 'independent';
	cookie?: string;
	/** called when the measured window opens and closes (the CPU meter follows it) */
	window?: { open(): void; close(): void };
}

export interface LoadResult {
	sent: number;
	completed: number;
	updatesPerSecond: number;
	deliveriesPerSecond: number;
	p50: number;
	p99: number;
	max: number;
}

/** Connects `perBoard` clients on each board, in batches, and waits until all are synced. */
export async function connectAll(
	url: string,
	docNames: string[],
	perBoard: number,
	cookie?: string
) {
	const clients: YjsClient[][] = [];
	for (const docName of docNames) {
		const board = Array.from({ length: perBoard }, () => connectYjs(url, docName, { cookie }));
		await Promise.all(board.map((c) => c.synced));
		clients.push(board);
	}
	return clients;
}

export async function runLoad(
	url: string,
	docNames: string[],
	options: LoadOptions
): Promise<LoadResult> {
	const boards = await connectAll(url, docNames, options.clientsPerBoard, options.cookie);
	const receivers = options.clientsPerBoard - 1;
	const pending = new Map<string, { sentAt: number; remaining: number; slowest: number }>();
	const latencies: number[] = [];
	let measuring = false;
	let sent = 0;
	let deliveries = 0;

	boards.forEach((board, b) => {
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

	const period = 1000 / options.updatesPerSecond;
	const phase = seededRandom(20261126);
	const timers: NodeJS.Timeout[] = [];
	boards.forEach((board, b) => {
		let n = 0;
		const ticks = board[0].doc.getMap<number>('ticks');
		const tick = () => {
			const key = String(n++);
			const sentAt = performance.now();
			pending.set(`${b}:${key}`, { sentAt, remaining: receivers, slowest: 0 });
			if (measuring) sent++;
			ticks.set(key, sentAt);
		};
		if (options.writers === 'together') timers.push(setInterval(tick, period));
		else timers.push(setTimeout(() => timers.push(setInterval(tick, period)), phase() * period));
	});

	await new Promise((r) => setTimeout(r, options.warmupMs));
	measuring = true;
	deliveries = 0;
	options.window?.open();
	const startedAt = performance.now();
	await new Promise((r) => setTimeout(r, options.measureMs));
	const seconds = (performance.now() - startedAt) / 1000;
	options.window?.close();
	measuring = false;
	const completed = latencies.length;
	const deliveriesPerSecond = deliveries / seconds;
	timers.forEach(clearTimeout); // intervals and the timeouts that start them alike
	for (const client of boards.flat()) client.destroy();

	latencies.sort((x, y) => x - y);
	return {
		sent,
		completed,
		updatesPerSecond: completed / seconds,
		deliveriesPerSecond,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		max: latencies[latencies.length - 1] ?? NaN
	};
}

/** mulberry32: a small deterministic generator in [0, 1) */
function seededRandom(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
