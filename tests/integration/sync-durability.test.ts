import type * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { connectYjs, eventually, type YjsClient } from '../support/yjs-client';

let server: TestServer | undefined;
const clients: YjsClient[] = [];

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

/** Each client appends `c<i>-<n>` entries and records every entry it received from the server. */
function editor(client: YjsClient, index: number) {
	const received = new Set<string>();
	const log = client.doc.getArray<string>('log');
	log.observe((event: Y.YArrayEvent<string>) => {
		if (event.transaction.origin !== client.provider) return; // our own edit, not received
		for (const delta of event.changes.delta) {
			for (const entry of (delta.insert as string[] | undefined) ?? []) received.add(entry);
		}
	});
	let n = 0;
	const timer = setInterval(() => log.push([`c${index}-${n++}`]), 50);
	return { received, stop: () => clearInterval(timer) };
}

describe('durability', () => {
	it('keeps every update any client received when the server is killed with -9', async () => {
		// compaction on: the kill may land during a snapshot as well as between appends; folds a
		// second apart: the kill lands with hundreds of updates only in the journal
		server = await startServer({ env: { SYNC_COMPACT_AFTER: '150', SYNC_FOLD_EVERY_MS: '1000' } });
		const fixtures = new FixtureDb(server.dataDir);
		const { docName } = fixtures.createBoard({
			centrale: 'igretec',
			visibility: 'members',
			members: ['charleroi']
		});
		fixtures.close();
		const cookie = (await new Client(server.url).login('referent@charleroi.demo')).cookieHeader;

		for (let i = 0; i < 20; i++) clients.push(connectYjs(server.url, docName, { cookie }));
		await Promise.all(clients.map((c) => c.synced));
		const editors = clients.map(editor);
		const union = () => new Set(editors.flatMap((e) => [...e.received])).size;
		await eventually(() => union() > 600, 60_000, 'traffic');

		server.process.kill('SIGKILL');
		await new Promise((resolve) => server!.process.once('exit', resolve));
		for (const e of editors) e.stop();
		// disconnect before the restart, or clients would re-send their own edits and hide a loss
		for (const client of clients.splice(0)) client.destroy();
		const seen = new Set(editors.flatMap((e) => [...e.received]));
		expect(seen.size).toBeGreaterThan(600);

		server = await server.restart();
		const reader = connectYjs(server.url, docName, { cookie });
		clients.push(reader);
		await reader.synced;
		const stored = new Set(reader.doc.getArray<string>('log').toArray());
		const lost = [...seen].filter((entry) => !stored.has(entry));
		expect(lost).toEqual([]);
		await server.stop(); // the next test starts its own
	}, 90_000);

	it('closes live sockets on SIGTERM and exits within 5 s', async () => {
		const running = await startServer();
		server = running;
		const fixtures = new FixtureDb(running.dataDir);
		const { docName } = fixtures.createBoard({ centrale: 'igretec', visibility: 'open' });
		fixtures.close();
		const cookie = (await new Client(running.url).login('agent@tournai.demo')).cookieHeader;
		const watchers = Array.from({ length: 10 }, () => connectYjs(running.url, docName, { cookie }));
		clients.push(...watchers);
		await Promise.all(watchers.map((c) => c.synced));
		const started = Date.now();
		await running.stop('SIGTERM');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(running.process.exitCode).toBe(0);
		const codes = await Promise.all(watchers.map((c) => c.closed));
		expect(codes.every((c) => c.code === 1001)).toBe(true);
	});
});
