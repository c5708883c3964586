import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { ROOT, startServer, tempDataDir, type TestServer } from '../support/server';
import { connectYjs, eventually } from '../support/yjs-client';

/*
 * SvelteKit and Svelte would build an AsyncLocalStorage, whose first `run` (every request) turns
 * Node 20's async hooks on for the whole process: every callback of the sync hub, every socket
 * write, then pays for them (src/lib/server/no-async-local-storage.ts). The server is run with a
 * probe that counts the instances built, through pages, a form action and a live board.
 */
let server: TestServer;
const dataDir = tempDataDir();
const probeOut = path.join(dataDir, 'async-context.json'); // beside the server's database

beforeAll(async () => {
	server = await startServer({
		dataDir,
		env: { ASYNC_CONTEXT_PROBE_OUT: probeOut },
		nodeArgs: ['--import', path.join(ROOT, 'tests/support/async-context-probe.mjs')]
	});
});

afterAll(async () => {
	await server?.stop();
});

describe('the server process', () => {
	it('serves pages, actions and live boards without ever building an AsyncLocalStorage', async () => {
		const fixtures = new FixtureDb(server.dataDir);
		const board = fixtures.createBoard({
			centrale: 'igretec',
			visibility: 'members',
			members: ['charleroi', 'mons']
		});
		fixtures.close();

		const karim = await new Client(server.url).login('referent@charleroi.demo'); // a form action
		for (const page of ['/', '/catalogue', `/groupes/${board.groupId}`]) {
			expect((await karim.get(page)).status, page).toBe(200);
		}
		const marc = await new Client(server.url).login('referent@mons.demo');
		const a = connectYjs(server.url, board.docName, { cookie: karim.cookieHeader });
		const b = connectYjs(server.url, board.docName, { cookie: marc.cookieHeader });
		await Promise.all([a.synced, b.synced]);
		a.doc.getMap('cards').set('charleroi', 'Un guichet en ligne');
		await eventually(() => b.doc.getMap('cards').get('charleroi') !== undefined, 5000, 'relayed');
		a.destroy();
		b.destroy();

		expect(await server.stop()).toBe(0);
		const probe = JSON.parse(fs.readFileSync(probeOut, 'utf8'));
		expect(probe.probed).toBe(true);
		expect(probe.built).toEqual([]);
	});
});
