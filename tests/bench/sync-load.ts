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
import { Worker } from 'node:worker_threads';
import { connectYjs, type YjsClient } from '../support/yjs-client';
import type { FromWorker, LoadWorkerData, ToWorker } from './sync-load-worker';
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

/**
 * How many threads drive the load (BENCH_LOAD_THREADS, 1 by default), each board whole in one.
 *
 * In one thread, the generator's own collections make most of the slowest 1 %: its 200 Y.Docs
 * take a 2–3 ms scavenge every ~230 ms, and every update on its way meanwhile waits for it.
 * `perf` sched_switch was set against each update's send and arrival, with both servers alike.
 * In the slowest 1 %, the generator was collecting or waiting for a core for 5–10 ms of the
 * update's 5–10 ms, and the server was running for about 1 ms. A thread's collection holds back
 * only the boards it drives, so with 4 threads a quarter as many updates wait for one, and the
 * p99 says more about the server (both servers' p99 fell from 3.3–4.1 to 2.8–3.2 ms).
 *
 * But on a 2-core machine the threads then contend with the server for the cores, most in the
 * bursts of writers ticking together, and that moves the servers' CPU per update too. So the
 * default stays one thread, and the figures of both are reported (README).
 */
const LOAD_THREADS = Number(process.env.BENCH_LOAD_THREADS || 1);

/** milliseconds since the epoch, to a fraction: the one clock every thread of the process shares */
export const wallNow = () => performance.timeOrigin + performance.now();

export async function runLoad(
	url: string,
	docNames: string[],
	options: LoadOptions
): Promise<LoadResult> {
	const phase = seededRandom(20261126);
	const boards = docNames.map((docName) => ({
		docName,
		phase: options.writers === 'together' ? 0 : phase()
	}));
	const threads = Math.max(1, Math.min(LOAD_THREADS, boards.length));
	const workers = Array.from({ length: threads }, (_, t) =>
		startLoadWorker({
			url,
			cookie: options.cookie,
			clientsPerBoard: options.clientsPerBoard,
			updatesPerSecond: options.updatesPerSecond,
			boards: boards.filter((_, b) => b % threads === t)
		})
	);
	try {
		await Promise.all(workers.map((w) => w.next('ready')));
		const at = wallNow() + 50;
		for (const w of workers) w.send({ type: 'start', at });
		await new Promise((r) => setTimeout(r, at - wallNow() + options.warmupMs));
		for (const w of workers) w.send({ type: 'open' });
		options.window?.open();
		const startedAt = performance.now();
		await new Promise((r) => setTimeout(r, options.measureMs));
		const windows = workers.map((w) => w.next('window'));
		for (const w of workers) w.send({ type: 'close' });
		const seconds = (performance.now() - startedAt) / 1000;
		options.window?.close();
		const measured = await Promise.all(windows);
		const latencies = measured.flatMap((m) => [...m.latencies]).sort((x, y) => x - y);
		const sum = (f: (m: (typeof measured)[number]) => number) =>
			measured.reduce((total, m) => total + f(m), 0);
		return {
			sent: sum((m) => m.sent),
			completed: latencies.length,
			updatesPerSecond: latencies.length / seconds,
			deliveriesPerSecond: sum((m) => m.deliveries) / seconds,
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			max: latencies[latencies.length - 1] ?? NaN
		};
	} finally {
		await Promise.all(workers.map((w) => w.stop()));
	}
}

/**
 * A load thread (sync-load-worker.ts), loaded through tsx as the benchmark itself is. `next(type)`
 * resolves with its next message of that type; a thread that fails rejects whatever waits on it.
 */
function startLoadWorker(data: LoadWorkerData) {
	const file = new URL('./sync-load-worker.ts', import.meta.url).href;
	const tsx = import.meta.resolve('tsx/esm/api');
	const worker = new Worker(
		`import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`,
		{ eval: true, workerData: data }
	);
	const waiting = new Map<string, { resolve: (m: never) => void; reject: (e: Error) => void }>();
	let failed: Error | null = null;
	worker.on('message', (message: FromWorker) => {
		waiting.get(message.type)?.resolve(message as never);
		waiting.delete(message.type);
	});
	const fail = (err: Error) => {
		failed = err;
		for (const w of waiting.values()) w.reject(err);
		waiting.clear();
	};
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`a load thread exited (code ${code})`)));
	function next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
		if (failed) return Promise.reject(failed);
		return new Promise((resolve, reject) => waiting.set(type, { resolve, reject }));
	}
	return {
		next,
		send: (message: ToWorker) => worker.postMessage(message),
		async stop() {
			if (failed) return;
			const stopped = next('stopped').catch(() => undefined);
			worker.postMessage({ type: 'stop' } satisfies ToWorker);
			await stopped;
			await worker.terminate();
		}
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
