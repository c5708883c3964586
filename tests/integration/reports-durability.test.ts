/**
 * Write-before-relay on the Automerge hub: kill -9 the server while 10 stock automerge-repo
 * clients edit one report; after a restart every change any client had received from another is
 * in the store. And an idle report leaves memory, its log folded into a snapshot.
 */
import type { DocHandle } from '@automerge/automerge-repo';
import { afterAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { eventually } from '../support/yjs-client';
import {
	connectAutomerge,
	createReportFixture,
	type AutomergeClient
} from '../support/automerge-client';

type Doc = Record<string, number[]>;
const CLIENTS = 10;

let server: TestServer | undefined;
const clients: AutomergeClient[] = [];

afterAll(async () => {
	for (const c of clients) await c.close().catch(() => {});
	await server?.stop();
});

/** Client `i` appends to its own list `c<i>`; `seen[j]` is the longest list j it received. */
function editor(handle: DocHandle<Doc>, i: number, seen: number[]) {
	const own = `c${i}`;
	handle.change((d) => {
		d[own] = [];
	});
	handle.on('change', ({ doc }) => {
		for (let j = 0; j < CLIENTS; j++) {
			const list = doc[`c${j}`];
			if (j !== i && list) seen[j] = Math.max(seen[j], list.length);
		}
	});
	let n = 0;
	const timer = setInterval(() => handle.change((d) => void d[own].push(n++)), 100);
	return () => clearInterval(timer);
}

describe('automerge hub durability and memory', () => {
	it('keeps every change any client received when the server is killed with -9', async () => {
		server = await startServer({ env: { SYNC_COMPACT_AFTER: '150' } });
		const fixtures = new FixtureDb(server.dataDir);
		const report = createReportFixture(fixtures.sqlite, fixtures.organisationId('charleroi'));
		fixtures.close();
		const cookie = (await new Client(server.url).login('referent@charleroi.demo')).cookieHeader;

		const seen = Array<number>(CLIENTS).fill(0);
		const stops: (() => void)[] = [];
		const handles: DocHandle<Doc>[] = [];
		for (let i = 0; i < CLIENTS; i++) {
			const c = await connectAutomerge(server.url, cookie);
			clients.push(c);
			handles.push(await c.repo.find<Doc>(report.url));
		}
		handles.forEach((handle, i) => stops.push(editor(handle, i, seen)));
		await eventually(() => seen.reduce((a, b) => a + b, 0) > 150, 90_000, 'traffic');

		server.process.kill('SIGKILL');
		for (const c of clients) c.proxy.pause(); // before the clients' next reconnection attempt
		await new Promise((resolve) => server!.process.once('exit', resolve));
		for (const stop of stops) stop();
		// disconnect before the restart, or clients would re-send their own edits and hide a loss
		for (const c of clients.splice(0)) await c.close();
		const received = [...seen];

		server = await server.restart();
		const reader = await connectAutomerge(server.url, cookie);
		clients.push(reader);
		const stored = (await reader.repo.find<Doc>(report.url)).doc();
		for (let j = 0; j < CLIENTS; j++) {
			expect(stored[`c${j}`]?.length ?? 0, `list c${j}`).toBeGreaterThanOrEqual(received[j]);
		}
		expect(received.every((n) => n > 0)).toBe(true);
	}, 180_000);

	it('unloads an idle report: its change log is folded into one snapshot', async () => {
		for (const c of clients.splice(0)) await c.close();
		await server?.stop();
		server = await startServer({ env: { SYNC_IDLE_MS: '300' } });
		const fixtures = new FixtureDb(server.dataDir);
		const report = createReportFixture(fixtures.sqlite, fixtures.organisationId('charleroi'));
		const cookie = (await new Client(server.url).login('referent@charleroi.demo')).cookieHeader;
		const c = await connectAutomerge(server.url, cookie);
		clients.push(c);
		const handle = await c.repo.find<Doc>(report.url);
		for (let n = 0; n < 5; n++)
			handle.change((d) => {
				d[`k${n}`] = [n];
			});
		await eventually(() => fixtures.loggedUpdates(report.docName) > 0, 10_000, 'changes stored');
		await c.close();
		clients.splice(clients.indexOf(c), 1);
		await eventually(() => fixtures.loggedUpdates(report.docName) === 0, 10_000, 'unload');
		fixtures.close();

		const again = await connectAutomerge(server.url, cookie);
		clients.push(again);
		const doc = (await again.repo.find<Doc>(report.url)).doc();
		expect([0, 1, 2, 3, 4].map((n) => doc[`k${n}`]?.[0])).toEqual([0, 1, 2, 3, 4]);
		for (const c of clients.splice(0)) await c.close();
	}, 60_000);
});
