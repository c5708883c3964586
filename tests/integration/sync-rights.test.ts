import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { connectYjs, eventually, type YjsClient } from '../support/yjs-client';

// Live sockets follow rights changed through the groups' form actions (`rights.changed`).
let server: TestServer;
let fixtures: FixtureDb;
let buyer: Client;
const cookies: Record<string, string> = {};
const clients: YjsClient[] = [];

function connect(docName: string, email: string) {
	const client = connectYjs(server.url, docName, { cookie: cookies[email] });
	clients.push(client);
	return client;
}

beforeAll(async () => {
	server = await startServer({ env: { SYNC_SESSION_CHECK_MS: '200' } });
	fixtures = new FixtureDb(server.dataDir);
	buyer = await new Client(server.url).login('acheteur@igretec.demo');
	cookies['acheteur@igretec.demo'] = buyer.cookieHeader;
	for (const email of ['referent@charleroi.demo', 'referent@mons.demo']) {
		cookies[email] = (await new Client(server.url).login(email)).cookieHeader;
	}
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	fixtures?.close();
	await server?.stop();
});

describe('rights changing under live sockets', () => {
	it('closes the socket of a commune removed from the group with 4403', async () => {
		const { groupId, docName } = fixtures.createBoard({
			centrale: 'igretec',
			visibility: 'members',
			members: ['charleroi', 'mons']
		});
		const mons = connect(docName, 'referent@mons.demo');
		const charleroi = connect(docName, 'referent@charleroi.demo');
		await Promise.all([mons.synced, charleroi.synced]);
		const removed = await buyer.action(`/groupes/${groupId}/membres?/remove`, {
			organisationId: String(fixtures.organisationId('mons'))
		});
		expect(removed.body.type).not.toBe('failure');
		expect((await mons.closed).code).toBe(4403);
		charleroi.doc.getMap('cards').set('encore', 'membre');
		await new Promise((r) => setTimeout(r, 200));
		expect(charleroi.provider.wsconnected).toBe(true);
	});

	it('turns members read-only when the group moves on to phasing', async () => {
		const { groupId, docName } = fixtures.createBoard({
			centrale: 'igretec',
			visibility: 'members',
			phase: 'prioritising',
			members: ['charleroi']
		});
		const member = connect(docName, 'referent@charleroi.demo');
		const centrale = connect(docName, 'acheteur@igretec.demo');
		await Promise.all([member.synced, centrale.synced]);
		member.doc.getMap('cards').set('avant', 'accepté');
		await eventually(() => centrale.doc.getMap('cards').get('avant') === 'accepté');

		const moved = await buyer.action(`/groupes/${groupId}?/phase`, { to: 'phasing' });
		expect(moved.body.type).toBe('redirect');
		member.doc.getMap('cards').set('après', 'refusé');
		centrale.doc.getMap('cards').set('acheteur', 'accepté');
		await eventually(() => member.doc.getMap('cards').get('acheteur') === 'accepté');
		await new Promise((r) => setTimeout(r, 300));
		expect(centrale.doc.getMap('cards').has('après')).toBe(false);
		const fresh = connect(docName, 'acheteur@igretec.demo');
		await fresh.synced;
		expect(fresh.doc.getMap('cards').toJSON()).toEqual({ avant: 'accepté', acheteur: 'accepté' });
		expect(member.provider.wsconnected).toBe(true);
	});

	it('closes a socket whose session expires while it is open (4401)', async () => {
		const { docName } = fixtures.createBoard({ centrale: 'igretec', visibility: 'open' });
		const http = await new Client(server.url).login('agent@charleroi.demo');
		const client = connectYjs(server.url, docName, { cookie: http.cookieHeader });
		clients.push(client);
		await client.synced;
		const userId = fixtures.userId('agent@charleroi.demo');
		fixtures.sqlite
			.prepare('update sessions set expires_at = ? where user_id = ?')
			.run(Date.now() - 1000, userId);
		expect((await client.closed).code).toBe(4401);
	});
});
