/**
 * `npm run bench:boot`: cold start of the built app to a healthy /healthz, then server-side
 * latency of the home and directory pages under 50 concurrent connections (autocannon).
 * Goals (issue 2): cold start < 1.5 s; p99 < 50 ms.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { ensureBuild, serverEntry } from '../../scripts/build.js';
import { freePort, ROOT, tempDataDir } from '../support/server';
import { handlerTimes } from './server-timing';

async function coldStart(dataDir: string, logLevel = 'warn') {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(process.execPath, [serverEntry(ROOT)], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			LOG_LEVEL: logLevel
		},
		stdio: ['ignore', 'pipe', 'ignore']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	for (;;) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 10));
	}
	return {
		ms: performance.now() - started,
		url,
		output: () => output,
		stop: () => child.kill('SIGTERM')
	};
}

function serverSide(log: string) {
	const { p50, p99 } = handlerTimes(log);
	return { serverP50: p50, serverP99: p99 };
}

async function load(server: Awaited<ReturnType<typeof coldStart>>, path: string) {
	const url = server.url;
	const mark = server.output().length;
	const result = await autocannon({
		url: url + path,
		connections: 50,
		duration: 10,
		pipelining: 1
	});
	return {
		path,
		requests: result.requests.total,
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		...serverSide(server.output().slice(mark)),
		errors: result.errors + result.non2xx
	};
}

await ensureBuild();
const dataDir = tempDataDir('centrale-bench-');
const fresh = await coldStart(dataDir);
fresh.stop();
await new Promise((r) => setTimeout(r, 500));
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
	const run = await coldStart(dataDir);
	runs.push(run.ms);
	run.stop();
	await new Promise((r) => setTimeout(r, 300));
}
// request logs on: each line carries the handler time, the server-side figure
const server = await coldStart(dataDir, 'info');
// warm up the routes once
for (const p of ['/', '/annuaire', '/annuaire?q=fontaine']) await fetch(server.url + p);
const pages = [
	await load(server, '/'),
	await load(server, '/annuaire'),
	await load(server, '/annuaire?q=ecaussinnes')
];
server.stop();

const sorted = [...runs].sort((a, b) => a - b);
console.log('\nCold start to healthy /healthz (built app, compiled server entry):');
console.log(
	`  first start on an empty DATA_DIR (migrations + reference + demo data): ${fresh.ms.toFixed(0)} ms`
);
console.log(
	`  restart on existing data, 5 runs: median ${sorted[2].toFixed(0)} ms, max ${sorted[4].toFixed(0)} ms (goal < 1500 ms)`
);
console.log(
	'\nPages under 50 concurrent connections, 10 s each: client-observed p50/p99 (includes queueing)\nand server-side handler p50/p99 (goal p99 < 50 ms):'
);
console.table(pages);
