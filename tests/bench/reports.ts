/**
 * `npm run bench:reports` (after `npm run build`): the Automerge hub (issue 16's figures).
 * 1. Load: 50 stock automerge-repo clients on 10 reports, each typing 2 changes/s into the story,
 *    against our hub (session cookie, rights, every change in SQLite before it is relayed) and
 *    against a stock automerge-repo sync server (reports-reference-server.ts) in the same run:
 *    fan-out latency p50/p99, changes/s delivered, server CPU and peak RSS.
 * 2. A published report with 2,000 changes of history: its page rendered for a reader (served
 *    from the publication's snapshot in SQL) and, for comparison, for an author (the draft too).
 * 3. Memory: 500 reports opened (one client each, synced, then gone), then idle: RSS after the
 *    hub unloaded them (SYNC_IDLE_MS set short) against the baseline; twice, on other reports,
 *    so that a leak (growing each round) shows apart from what a first round leaves.
 *
 * Env knobs: BENCH_ROUNDS (load rounds per server, alternating; default 1), BENCH_WARMUP_MS and
 * BENCH_MEASURE_MS (per round; default 3,000 and 10,000), BENCH_HISTORY (changes, default
 * 2,000), BENCH_RENDERS (page loads per viewer, default 200), BENCH_MEMORY_REPORTS (per round,
 * default 500), BENCH_ONLY=load|history|memory (that part alone). On a busy machine figures are
 * indicative: compare ratios from one run.
 */
import { stringifyAutomergeUrl, splice, type AutomergeUrl } from '@automerge/automerge-repo';
import type { DocumentId } from '@automerge/automerge-repo';
import * as A from '@automerge/automerge';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import {
	findReport,
	openRepo,
	proxyTo,
	runReportLoad,
	type ReportLoadOptions,
	type ReportLoadResult
} from './reports-load';
import { handlerTimes } from './server-timing';
import { inspect, percentile, processMeter, startReferenceServer } from './sync-support';

const REPORTS = 10;
const CLIENTS = 50;
const env = (name: string, fallback: number) => Number(process.env[name] || fallback);
const LOAD: ReportLoadOptions = {
	clientsPerReport: CLIENTS / REPORTS,
	changesPerSecond: 2,
	warmupMs: env('BENCH_WARMUP_MS', 3000),
	measureMs: env('BENCH_MEASURE_MS', 10_000)
};
const ROUNDS = env('BENCH_ROUNDS', 1);
const HISTORY = env('BENCH_HISTORY', 2000);
const RENDERS = env('BENCH_RENDERS', 200);
const MEMORY_REPORTS = env('BENCH_MEMORY_REPORTS', 500);
const AUTHOR = 'referent@charleroi.demo';
const READER = 'referent@mons.demo'; // another commune: reads what is published
process.setMaxListeners(0);

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** Reports started through the portal's own form, as the author; their document URLs. */
async function createReports(server: TestServer, author: Client, count: number) {
	const db = new FixtureDb(server.dataDir);
	const urls: { id: number; url: AutomergeUrl }[] = [];
	for (let i = 0; i < count; i++) {
		const res = await author.post('/retours/nouveau', {
			solutionName: `Logiciel de mesure ${i + 1}`,
			supplierName: 'Fournisseur de banc d’essai'
		});
		const id = Number(/\/retours\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
		if (res.status !== 303 || !id) throw new Error(`report not created: ${res.status}`);
		const { automergeId } = db.sqlite
			.prepare('select automerge_id as automergeId from reports where id = ?')
			.get(id) as { automergeId: string };
		urls.push({ id, url: stringifyAutomergeUrl({ documentId: automergeId as DocumentId }) });
	}
	db.close();
	return urls;
}

/** The server's CPU and peak RSS, and the clients' CPU (this process: it must not saturate). */
async function measure(pid: number, run: () => Promise<ReportLoadResult>) {
	const [server, clients] = [processMeter(pid), processMeter(process.pid)];
	server.start();
	clients.start();
	const result = await run();
	return { ...result, ...server.stop(), clientsCpuPercent: clients.stop().cpuPercent };
}

async function loadOurs() {
	const server = await startServer({ env: { SYNC_IDLE_MS: '1000' } });
	const author = await new Client(server.url).login(AUTHOR);
	const urls = (await createReports(server, author, REPORTS)).map((r) => r.url);
	const proxy = await proxyTo(server.url, author.cookieHeader);
	const measured = await measure(server.process.pid!, () => runReportLoad(proxy, urls, LOAD));
	await proxy.close();
	await server.stop();
	return measured;
}

async function loadStock() {
	const stock = await startReferenceServer([], 'tests/bench/reports-reference-server.ts');
	const proxy = await proxyTo(stock.url);
	// the stock server keeps what clients create: one seeding client creates the reports
	const seeder = await openRepo(proxy);
	const urls = Array.from(
		{ length: REPORTS },
		() => seeder.create<{ story: string }>({ story: '' }).url
	);
	// every report reached the server before the load starts
	await Promise.all(
		urls.map(async (url) => {
			const repo = await openRepo(proxy);
			await findReport(repo, url);
			await repo.shutdown();
		})
	);
	const measured = await measure(stock.process.pid!, () => runReportLoad(proxy, urls, LOAD));
	await seeder.shutdown();
	await proxy.close();
	const exited = new Promise((resolve) => stock.process.once('exit', resolve));
	stock.process.kill('SIGTERM');
	await exited;
	return measured;
}

type Measured = Awaited<ReturnType<typeof loadOurs>>;

/** Counts add up, max and peak are the worst, the rest is the median round's. */
function merge(runs: Measured[]): Measured {
	const median = (f: (r: Measured) => number) =>
		percentile(
			runs.map(f).sort((a, b) => a - b),
			50
		);
	return {
		sent: runs.reduce((s, r) => s + r.sent, 0),
		completed: runs.reduce((s, r) => s + r.completed, 0),
		changesPerSecond: median((r) => r.changesPerSecond),
		deliveriesPerSecond: median((r) => r.deliveriesPerSecond),
		messagesPerSecond: median((r) => r.messagesPerSecond),
		p50: median((r) => r.p50),
		p99: median((r) => r.p99),
		max: Math.max(...runs.map((r) => r.max)),
		cpuPercent: median((r) => r.cpuPercent),
		clientsCpuPercent: median((r) => r.clientsCpuPercent),
		peakRssMb: Math.max(...runs.map((r) => r.peakRssMb))
	};
}

async function loadBoth() {
	const hubRuns: Measured[] = [];
	const stockRuns: Measured[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		// alternating, so that whatever else the machine does weighs on both alike
		if (round % 2) stockRuns.push(await loadStock());
		hubRuns.push(await loadOurs());
		if (!(round % 2)) stockRuns.push(await loadStock());
		const [h, s] = [hubRuns[round], stockRuns[round]];
		console.log(
			`round ${round + 1}: hub p50 ${fixed(h.p50)} / p99 ${fixed(h.p99)} ms, ${fixed(h.changesPerSecond)} changes/s; ` +
				`stock p50 ${fixed(s.p50)} / p99 ${fixed(s.p99)} ms, ${fixed(s.changesPerSecond)} changes/s`
		);
	}
	const [hub, stock] = [merge(hubRuns), merge(stockRuns)];
	const rows: [string, (r: Measured) => number, number][] = [
		['changes sent (measured window)', (r) => r.sent, 0],
		['changes fanned out to every other client', (r) => r.completed, 0],
		['changes/s delivered to every other client', (r) => r.changesPerSecond, 1],
		['deliveries/s', (r) => r.deliveriesPerSecond, 0],
		['messages/s from the server to the clients', (r) => r.messagesPerSecond, 0],
		['fan-out latency p50 (ms)', (r) => r.p50, 2],
		['fan-out latency p99 (ms)', (r) => r.p99, 2],
		['fan-out latency max (ms)', (r) => r.max, 2],
		['server CPU (% of one core)', (r) => r.cpuPercent, 1],
		['server peak RSS (MB)', (r) => r.peakRssMb, 1],
		['clients’ process CPU (% of one core)', (r) => r.clientsCpuPercent, 1]
	];
	console.log(
		`\nLoad: ${CLIENTS} clients on ${REPORTS} reports, each typing ${LOAD.changesPerSecond} changes/s into the story`
	);
	console.log(
		`(${ROUNDS > 1 ? `medians over ${ROUNDS} rounds` : 'one round'} of ${LOAD.measureMs / 1000} s after ${LOAD.warmupMs / 1000} s of warm-up)`
	);
	console.log('| | Centrale hub (auth + write-before-relay) | stock automerge-repo | ratio |');
	console.log('|---|---|---|---|');
	for (const [label, value, digits] of rows)
		console.log(
			`| ${label} | ${fixed(value(hub), digits)} | ${fixed(value(stock), digits)} | ${fixed(value(hub) / value(stock), 2)} |`
		);
	console.log(
		`goals: p99 ratio ${fixed(hub.p99 / stock.p99, 2)} (≤ 1.2), throughput ratio ${fixed(hub.changesPerSecond / stock.changesPerSecond, 3)} (≥ 1.0)`
	);
}

/** The report's page loaded `RENDERS` times in a row by `viewer`: client and handler times. */
async function renders(server: TestServer, viewer: Client, path: string, expected: string) {
	for (let i = 0; i < 5; i++) {
		const res = await viewer.get(path);
		if (!(await res.text()).includes(expected))
			throw new Error(`${path}: not the published text (${res.status})`);
	}
	const mark = server.output().length;
	const times: number[] = [];
	for (let i = 0; i < RENDERS; i++) {
		const started = performance.now();
		await (await viewer.get(path)).text();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const side = handlerTimes(server.output().slice(mark));
	return { p50: percentile(times, 50), p99: percentile(times, 99), side };
}

async function history() {
	const server = await startServer({ env: { LOG_LEVEL: 'info' } });
	const author = await new Client(server.url).login(AUTHOR);
	const reader = await new Client(server.url).login(READER);
	const [report] = await createReports(server, author, 1);
	const proxy = await proxyTo(server.url, author.cookieHeader);
	const writer = await openRepo(proxy);
	const handle = await findReport(writer, report.url);
	const started = performance.now();
	for (let i = 0; i < HISTORY; i++) {
		handle.change((d) => splice(d, ['story'], d.story.length, 0, `Mot ${i}. `));
		if (i % 50 === 49) await new Promise((r) => setTimeout(r, 5)); // a fast typist, not a paste
	}
	const last = `Mot ${HISTORY - 1}.`;
	// every change stored: a fresh client gets them all from the server
	for (const deadline = Date.now() + 60_000; ;) {
		const check = await openRepo(proxy);
		const story = (await findReport(check, report.url)).doc()?.story ?? '';
		await check.shutdown();
		if (story.includes(last)) break;
		const refused = server.output().match(/.*report too large.*/)?.[0];
		if (refused || Date.now() > deadline)
			throw new Error(`the hub stored ${story.length} characters of the story: ${refused}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const changes = A.getAllChanges(handle.doc()!).length;
	const writtenIn = (performance.now() - started) / 1000;
	await writer.shutdown();
	await proxy.close();
	const published = await author.action(`/retours/${report.id}?/publish`, {});
	if (published.status !== 200) throw new Error(`publish refused: ${published.status}`);
	const path = `/retours/${report.id}`;
	const asReader = await renders(server, reader, path, last);
	const asAuthor = await renders(server, author, path, last);
	await server.stop();
	console.log(
		`\nA published report with ${changes} changes of history (written and stored in ${fixed(writtenIn)} s): ${RENDERS} page loads in a row per viewer`
	);
	console.log(
		'| viewer | client p50 (ms) | client p99 (ms) | handler p50 (ms) | handler p99 (ms) |'
	);
	console.log('|---|---|---|---|---|');
	for (const [label, r] of [
		['reader (publication snapshot)', asReader],
		['author (snapshot + draft document)', asAuthor]
	] as const)
		console.log(
			`| ${label} | ${fixed(r.p50, 2)} | ${fixed(r.p99, 2)} | ${fixed(r.side.p50, 2)} | ${fixed(r.side.p99, 2)} |`
		);
	console.log(`goal: reader's server-side render p99 < 50 ms: ${fixed(asReader.side.p99, 2)} ms`);
}

async function memory() {
	const idleMs = 500;
	const server = await startServer({
		env: { SYNC_IDLE_MS: String(idleMs), NODE_OPTIONS: '--inspect=127.0.0.1:0' }
	});
	const author = await new Client(server.url).login(AUTHOR);
	const all = await createReports(server, author, 2 * MEMORY_REPORTS + 1);
	const [first, rounds] = [
		all[0],
		[all.slice(1, MEMORY_REPORTS + 1), all.slice(MEMORY_REPORTS + 1)]
	];
	const inspector = await inspect(server.output);
	const proxy = await proxyTo(server.url, author.cookieHeader);
	/** one client per report: synced, then gone */
	const open = async (url: AutomergeUrl) => {
		const repo = await openRepo(proxy);
		const handle = await findReport(repo, url);
		if (handle.doc()?.story === undefined) throw new Error(`${url} did not sync`);
		await repo.shutdown();
	};
	// the first report opened loads the hub's code paths: opened and closed before the baseline
	await open(first.url);
	await new Promise((r) => setTimeout(r, idleMs + 1000));
	const before = await inspector.memoryAfterGc();
	const results = [];
	// a leak grows with every round; what the first round leaves (V8's tables sized for that
	// many documents, optimised code) does not
	for (const reports of rounds) {
		const started = performance.now();
		for (let i = 0; i < reports.length; i += 50)
			await Promise.all(reports.slice(i, i + 50).map((r) => open(r.url)));
		const seconds = (performance.now() - started) / 1000;
		const left = await inspector.memoryAfterGc();
		await new Promise((r) => setTimeout(r, idleMs + 2000)); // unloaded after SYNC_IDLE_MS
		results.push({ seconds, left, idle: await inspector.memoryAfterGc() });
	}
	inspector.close();
	await proxy.close();
	await server.stop();
	console.log(
		`\nMemory: ${MEMORY_REPORTS} reports opened (one client each, synced then gone), then idle (SYNC_IDLE_MS ${idleMs}); twice, on other reports`
	);
	console.log('| | heap used after GC (MB) | RSS (MB) |\n|---|---|---|');
	const row = (label: string, m: typeof before) =>
		console.log(`| ${label} | ${fixed(m.heapMb)} | ${fixed(m.rssMb)} |`);
	row('baseline (one report opened and unloaded)', before);
	const growth = (m: typeof before, key: 'heapMb' | 'rssMb') =>
		fixed((m[key] / before[key]) * 100 - 100);
	for (const [i, r] of results.entries()) {
		row(`round ${i + 1}: the last client just left (opened in ${fixed(r.seconds)} s)`, r.left);
		row(`round ${i + 1}: idle, documents unloaded`, r.idle);
		console.log(
			`round ${i + 1}: RSS ${growth(r.idle, 'rssMb')} % over the baseline (goal ≤ 10 %), heap ${growth(r.idle, 'heapMb')} %`
		);
	}
}

const only = process.env.BENCH_ONLY; // load, history or memory: that part alone
if (!only || only === 'load') await loadBoth();
if (!only || only === 'history') await history();
if (!only || only === 'memory') await memory();
process.exit(0);
