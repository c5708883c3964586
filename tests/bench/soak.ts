/**
 * `npm run bench:soak`: mixed load on the built server, loopback only, for SOAK_MINUTES minutes
 * (default 10, at most 10): 30 readers browsing the catalogue and contract pages, 5 referents
 * ordering, 50 board editors on 5 boards, and one backup (`npm run backup`, its own process) in
 * the middle. Reports errors, p99 per page kind per minute, the server's RSS slope after the first
 * minute, and whether the backup taken under load restores with every row committed before it.
 * Goals (issue 15): 0 errors; last minute's p99 within 1.2× of the second's; RSS < 5 MB/min.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Y from 'yjs';
import { ensureBuild } from '../../scripts/build.js';
import { runCli } from '../support/cli';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, tempDataDir } from '../support/server';
import { connectYjs, type YjsClient } from '../support/yjs-client';
import { backupHolds, rowKeys } from './soak-backup';

const MINUTES = Math.min(10, Math.max(1, Number(process.env.SOAK_MINUTES || 10)));
const DURATION_MS = MINUTES * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Kind = 'catalogue' | 'contract' | 'order-form' | 'order-submit';
const samples: { kind: Kind; minute: number; ms: number }[] = [];
const errors: string[] = [];
let started = 0;
let running = true;

/** one timed request; an error is anything but 200 (or 303 for a submitted order) */
async function timed(
	kind: Kind,
	send: () => Promise<Response>,
	expected: (status: number, text: string) => boolean = (status) => status === 200
) {
	const t0 = performance.now();
	try {
		const res = await send();
		const text = await res.text();
		const ms = performance.now() - t0;
		samples.push({ kind, minute: Math.floor((Date.now() - started) / 60_000), ms });
		if (!expected(res.status, text)) errors.push(`${kind}: HTTP ${res.status}`);
		return { status: res.status, location: res.headers.get('location') ?? '', text };
	} catch (err) {
		errors.push(`${kind}: ${(err as Error).message}`);
		return null;
	}
}

async function reader(url: string, references: string[], index: number) {
	const client = new Client(url);
	let n = index;
	while (running) {
		await timed('catalogue', () => client.get('/catalogue'));
		await sleep(400);
		const reference = references[n++ % references.length];
		await timed('contract', () => client.get(`/catalogue/${reference}`));
		await sleep(400);
	}
}

/** the five ordering referents: a commune and a contract it has adhered to */
const ORDERING: [string, string][] = [
	['referent@charleroi.demo', 'IGR-2025-EGU-01'],
	['referent@charleroi.demo', 'IGR-2025-EQU-04'],
	['referent@mons.demo', 'IGR-2025-EGU-01'],
	['referent@mons.demo', 'IDEA-2025-CLD-03'],
	['referent@seneffe.demo', 'PROV-2025-FOR-01']
];
/** orders refused because the framework's maximum is reached: the rule working, not an error */
let ceilingRefusals = 0;

async function orderer(referent: Client, reference: string, placed: Set<string>) {
	let turn = 0;
	while (running) {
		const form = await timed('order-form', () => referent.get(`/catalogue/${reference}/commander`));
		const html = form?.text ?? '';
		const lotId = /name="lotId" value="(\d+)"/.exec(html)?.[1];
		const lotForm = html.split('name="lotId"')[1]?.split('</form>')[0] ?? '';
		const items = [...lotForm.matchAll(/name="q_(\d+)"/g)].map((m) => m[1]);
		if (lotId && items.length) {
			const res = await timed(
				'order-submit',
				() =>
					referent.post(`/catalogue/${reference}/commander`, {
						lotId,
						[`q_${items[turn++ % items.length]}`]: '1',
						budgetYear: '2027',
						budgetArticle: '104/123-13'
					}),
				(status, text) =>
					status === 303 || (status === 409 && text.includes('dépasserait le montant maximal'))
			);
			if (res?.status === 409) ceilingRefusals++;
			const id = /^\/commandes\/(\d+)/.exec(res?.location ?? '')?.[1];
			if (id) placed.add(id);
		} else if (form) errors.push(`order-form: no lot to order on ${reference}`);
		await sleep(5000);
	}
}

/** an editor types a short line every 1–2 s; `received` collects what others' edits brought */
function editor(client: YjsClient, index: number, received: Set<string>) {
	const log = client.doc.getArray<string>('log');
	log.observe((event: Y.YArrayEvent<string>) => {
		if (event.transaction.origin !== client.provider) return;
		for (const delta of event.changes.delta)
			for (const entry of (delta.insert as string[] | undefined) ?? []) received.add(entry);
	});
	let n = 0;
	const timer = setInterval(() => log.push([`e${index}-${n++}`]), 1000 + (index % 10) * 100);
	return () => clearInterval(timer);
}

function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** least-squares slope of (minutes, MB) */
function slope(points: [number, number][]) {
	const n = points.length;
	const mx = points.reduce((s, p) => s + p[0], 0) / n;
	const my = points.reduce((s, p) => s + p[1], 0) / n;
	const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
	const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
	return num / den;
}

function p99(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? NaN;
}

// each y-websocket provider listens for the process's exit
process.setMaxListeners(200);
await ensureBuild();
const server = await startServer();
const fixtures = new FixtureDb(server.dataDir);
const boards = Array.from({ length: 5 }, () =>
	fixtures.createBoard({ centrale: 'igretec', visibility: 'members', members: ['charleroi'] })
);
fixtures.close();
const referent = await new Client(server.url).login('referent@charleroi.demo');
const catalogue = await (await referent.get('/catalogue')).text();
const references = [
	...new Set([...catalogue.matchAll(/href="\/catalogue\/([A-Z0-9-]+)"/g)].map((m) => m[1]))
];
console.log(
	`soak: ${MINUTES} min on ${server.url} (loopback) — 30 readers over ${references.length} contracts, 5 referents ordering, 50 editors on 5 boards, 1 backup at ${MINUTES / 2} min`
);

const received = new Set<string>();
const editors = boards.flatMap((board, b) =>
	Array.from({ length: 10 }, () =>
		connectYjs(server.url, board.docName, { cookie: referent.cookieHeader })
	).map((client, i) => ({ client, board: b, index: b * 10 + i }))
);
await Promise.all(editors.map((e) => e.client.synced));
for (const e of editors)
	e.client.provider.on('connection-close', () => running && errors.push('editor: socket closed'));
started = Date.now();
const stops = editors.map((e) => editor(e.client, e.index, received));
const placed = new Set<string>();
const loops = [
	...Array.from({ length: 30 }, (_, i) => reader(server.url, references, i)),
	...ORDERING.map(async ([email, reference]) =>
		orderer(await new Client(server.url).login(email), reference, placed)
	)
];

const rss: [number, number][] = [];
const pid = server.process.pid!;
const sampler = setInterval(() => rss.push([(Date.now() - started) / 60_000, rssMb(pid)]), 5000);

await sleep(DURATION_MS / 2);
// committed before the backup began: rows in the database, orders answered, edits relayed
const rowsBefore = rowKeys(path.join(server.dataDir, 'centrale.sqlite'));
const editsBefore = new Set(received);
const backupStarted = Date.now();
const backup = await runCli('backup-cli.ts', [], { DATA_DIR: server.dataDir });
const backupMs = Date.now() - backupStarted;
if (backup.code !== 0) errors.push(`backup: ${backup.output.trim()}`);
await sleep(Math.max(0, started + DURATION_MS - Date.now()));

running = false;
clearInterval(sampler);
for (const stop of stops) stop();
await Promise.allSettled(loops);
for (const e of editors) e.client.destroy();

const restoredDir = tempDataDir('centrale-soak-restored-');
const restored = await backupHolds(
	server,
	restoredDir,
	rowsBefore,
	editsBefore,
	boards.map((b) => b.docName),
	referent.cookieHeader
);
await server.stop();

const kinds: Kind[] = ['catalogue', 'contract', 'order-form', 'order-submit'];
console.log('\np99 (ms) per minute, client side');
console.log(['minute', ...kinds].join('\t'));
for (let m = 0; m < MINUTES; m++) {
	const row = kinds.map((k) =>
		p99(samples.filter((s) => s.kind === k && s.minute === m).map((s) => s.ms)).toFixed(0)
	);
	console.log([m + 1, ...row].join('\t'));
}
const last = MINUTES - 1;
const ratios = kinds.map((k) => {
	const at = (m: number) =>
		p99(samples.filter((s) => s.kind === k && s.minute === m).map((s) => s.ms));
	return { kind: k, ratio: at(last) / at(1) };
});
const afterWarmUp = rss.filter(([minute]) => minute >= 1);
const rssSlope = afterWarmUp.length > 2 ? slope(afterWarmUp) : NaN;
const ok = (pass: boolean) => (pass ? '✓' : '✗');
console.log(
	`\nrequests: ${samples.length}, orders placed: ${placed.size} (${ceilingRefusals} refused at a framework's maximum), edits relayed: ${received.size}`
);
console.log(
	`${ok(errors.length === 0)} errors: ${errors.length}${errors.length ? ` (first: ${[...new Set(errors)].slice(0, 5).join('; ')})` : ''}`
);
for (const r of ratios)
	console.log(
		`${ok(r.ratio <= 1.2)} ${r.kind}: last minute p99 / second minute p99 = ${r.ratio.toFixed(2)}`
	);
console.log(
	`${ok(rssSlope < 5)} RSS after warm-up: ${afterWarmUp[0]?.[1].toFixed(0)} → ${afterWarmUp.at(-1)?.[1].toFixed(0)} MB, slope ${rssSlope.toFixed(2)} MB/min`
);
const load = os.loadavg().map((l) => l.toFixed(1));
console.log(`machine: ${os.cpus().length} cores, load average ${load.join(' / ')} (1/5/15 min)`);
console.log(`backup under load: ${backupMs} ms (${backup.code === 0 ? 'verified' : 'FAILED'})`);
console.log(`${ok(restored.ok)} restored backup: ${restored.summary}`);
fs.rmSync(restoredDir, { recursive: true, force: true });
process.exit(0);
