/** Measuring helpers for the sync benchmark: process CPU/RSS from /proc, and V8's heap via the inspector. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import WebSocket from 'ws';
import { freePort, ROOT } from '../support/server';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
}

/** Samples a process's CPU share and peak RSS between start() and stop(). */
export function processMeter(pid: number) {
	let cpuAtStart = 0;
	let startedAt = 0;
	let peakRss = 0;
	let timer: NodeJS.Timeout | undefined;
	return {
		start() {
			cpuAtStart = cpuSeconds(pid);
			startedAt = performance.now();
			peakRss = rssMb(pid);
			timer = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 250);
		},
		stop() {
			clearInterval(timer);
			const seconds = (performance.now() - startedAt) / 1000;
			return { cpuPercent: ((cpuSeconds(pid) - cpuAtStart) / seconds) * 100, peakRssMb: peakRss };
		}
	};
}

/** Starts a reference server (Yjs by default) in its own process; resolves once it listens. */
export async function startReferenceServer(
	nodeArgs: string[] = [],
	script = 'tests/bench/sync-reference-server.ts'
): Promise<{ url: string; process: ChildProcess }> {
	const port = await freePort();
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
	delete env.YPERSISTENCE; // set at all (even empty), it turns leveldb persistence on
	const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve) =>
		child.stdout!.on('data', (d) => String(d).includes('ready') && resolve())
	);
	return { url: `http://127.0.0.1:${port}`, process: child };
}

/** A Chrome DevTools Protocol session on a process started with --inspect. */
export async function inspect(output: () => string) {
	const deadline = Date.now() + 10_000;
	let url: string | undefined;
	while (!(url = /Debugger listening on (ws:\/\/\S+)/.exec(output())?.[1])) {
		if (Date.now() > deadline) throw new Error('no inspector URL in the server output');
		await new Promise((r) => setTimeout(r, 50));
	}
	const ws = new WebSocket(url);
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	let nextId = 1;
	const call = (method: string, params: object = {}) =>
		new Promise<{ result?: { result?: { value?: unknown } } }>((resolve) => {
			const id = nextId++;
			const onMessage = (data: WebSocket.RawData) => {
				const reply = JSON.parse(String(data));
				if (reply.id !== id) return;
				ws.off('message', onMessage);
				resolve(reply);
			};
			ws.on('message', onMessage);
			ws.send(JSON.stringify({ id, method, params }));
		});
	return {
		/** heap used and RSS in MB, after a full garbage collection */
		async memoryAfterGc() {
			await call('HeapProfiler.collectGarbage');
			await call('HeapProfiler.collectGarbage');
			const reply = await call('Runtime.evaluate', {
				expression: 'JSON.stringify(process.memoryUsage())',
				returnByValue: true
			});
			const usage = JSON.parse(String(reply.result?.result?.value)) as NodeJS.MemoryUsage;
			return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
		},
		close: () => ws.close()
	};
}

export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
