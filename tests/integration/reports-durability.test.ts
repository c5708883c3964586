/**
 * Write-before-relay on the Automerge hub: kill -9 the server while 10 stock automerge-repo
 * clients edit one report; after a restart every change any client had received from another is
 * in the store.
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

describe('automerge hub durability', () => {
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
});
