/**
 * Presence on the Automerge hub with stock automerge-repo clients, as the report editor uses it:
 * a stock client forwards the presence it receives to its other peers, the hub included. The hub
 * relays presence itself, so it drops such a forwarded copy; closing the socket for it (as for a
 * forged sender) would cut every co-author off each time someone else's presence arrived.
 */
import { splice } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAutomerge, createReportFixture } from '../support/automerge-client';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { eventually } from '../support/yjs-client';

type Report = { story: string };

let server: TestServer;
let fixtures: FixtureDb;

beforeAll(async () => {
	server = await startServer();
	fixtures = new FixtureDb(server.dataDir);
});

afterAll(async () => {
	fixtures?.close();
	await server?.stop();
});

describe('automerge hub presence', () => {
	it('relays presence between co-authors and keeps both sockets open', async () => {
		const r = createReportFixture(fixtures.sqlite, fixtures.organisationId('charleroi'));
		const connect = async (email: string) =>
			connectAutomerge(server.url, (await new Client(server.url).login(email)).cookieHeader);
		const alice = await connect('referent@charleroi.demo');
		const bob = await connect('agent@charleroi.demo');
		let cutOff = 0;
		for (const c of [alice, bob]) c.repo.networkSubsystem.on('peer-disconnected', () => cutOff++);
		try {
			const a = await alice.repo.find<Report>(r.url);
			const b = await bob.repo.find<Report>(r.url);
			const heard: unknown[] = [];
			const aliceHeard: unknown[] = [];
			b.on('ephemeral-message', ({ message }) => heard.push(message));
			a.on('ephemeral-message', ({ message }) => aliceHeard.push(message));

			a.broadcast({ name: 'Karim Benali', editing: 'story' });
			await eventually(() => heard.length > 0, 5000, 'presence at Bob');
			expect(heard[0]).toEqual({ name: 'Karim Benali', editing: 'story' });
			b.broadcast({ name: 'Chloé Dumont', editing: null });
			await eventually(() => aliceHeard.length > 0, 5000, 'presence at Alice');

			// Bob forwarded Alice's presence back to the hub: both still sync on the same sockets
			a.change((d) => splice(d, ['story'], 0, 0, 'Toujours connectés.'));
			await eventually(() => b.doc()?.story === 'Toujours connectés.', 5000, 'sync after presence');
			expect(cutOff).toBe(0);
			// nobody hears their own presence echoed back
			expect(aliceHeard).toEqual([{ name: 'Chloé Dumont', editing: null }]);
		} finally {
			await alice.close();
			await bob.close();
		}
	}, 60_000);
});
