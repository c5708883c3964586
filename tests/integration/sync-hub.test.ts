import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_BURST, QUERY_PER_SECOND } from '../../server/sync/yjs/awareness-guard';
import { awarenessEntries } from '../support/awareness-wire';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { connectYjs, eventually, rawSocket, type YjsClient } from '../support/yjs-client';

let server: TestServer;
let fixtures: FixtureDb;
let membersBoard: { groupId: number; docName: string };
let openBoard: { groupId: number; docName: string };
const cookies: Record<string, string> = {};
const clients: YjsClient[] = [];

async function cookieOf(email: string) {
	const client = await new Client(server.url).login(email);
	return client.cookieHeader;
}

function connect(docName: string, cookie?: string) {
	const client = connectYjs(server.url, docName, { cookie });
	clients.push(client);
	return client;
}

beforeAll(async () => {
	server = await startServer({ env: { SYNC_IDLE_MS: '100' } });
	fixtures = new FixtureDb(server.dataDir);
	membersBoard = fixtures.createBoard({
		centrale: 'igretec',
		visibility: 'members',
		members: ['charleroi', 'mons']
	});
	openBoard = fixtures.createBoard({
		centrale: 'igretec',
		visibility: 'open',
		members: ['charleroi']
	});
	for (const email of ['referent@charleroi.demo', 'referent@mons.demo', 'agent@tournai.demo']) {
		cookies[email] = await cookieOf(email);
	}
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	fixtures?.close();
	await server?.stop();
});

describe('the sync hub', () => {
	it('lets two members co-edit a board and converge, and serves the result to a newcomer', async () => {
		const a = connect(membersBoard.docName, cookies['referent@charleroi.demo']);
		const b = connect(membersBoard.docName, cookies['referent@mons.demo']);
		await Promise.all([a.synced, b.synced]);
		a.doc.getText('notes').insert(0, 'Charleroi veut un guichet. ');
		b.doc.getMap('cards').set('mons', 'Mons veut la signature électronique');
		await eventually(() => a.doc.getMap('cards').get('mons') !== undefined, 5000, 'a sees b');
		await eventually(() => b.doc.getText('notes').toString().includes('guichet'), 5000, 'b sees a');
		const c = connect(membersBoard.docName, cookies['referent@mons.demo']);
		await c.synced;
		expect(c.doc.getText('notes').toString()).toBe(a.doc.getText('notes').toString());
		expect(c.doc.getMap('cards').toJSON()).toEqual(a.doc.getMap('cards').toJSON());
	});

	it('closes with 4401 without a valid session, and the client stops retrying', async () => {
		const anonymous = connect(membersBoard.docName);
		expect((await anonymous.closed).code).toBe(4401);
		const forged = connect(membersBoard.docName, 'centrale_session=not-a-real-token');
		expect((await forged.closed).code).toBe(4401);
		await new Promise((r) => setTimeout(r, 300));
		expect(anonymous.provider.shouldConnect).toBe(false);
		expect(anonymous.provider.wsconnected).toBe(false);
	});

	it('closes with 4403 for a non-member on a members-only board, 4404 for no such document', async () => {
		const outsider = connect(membersBoard.docName, cookies['agent@tournai.demo']);
		expect((await outsider.closed).code).toBe(4403);
		const cookie = cookies['referent@charleroi.demo'];
		expect((await connect('board:987654', cookie).closed).code).toBe(4404);
		expect((await connect('report:1', cookie).closed).code).toBe(4404);
		expect((await connect('nonsense', cookie).closed).code).toBe(4404);
	});

	it('refuses another site’s page (or no Origin) with HTTP 403 before upgrading', async () => {
		for (const origin of ['https://evil.example', undefined]) {
			const headers: Record<string, string> = { cookie: cookies['referent@charleroi.demo'] };
			if (origin) headers.origin = origin;
			const ws = new WebSocket(
				`${server.url.replace('http', 'ws')}/sync/yjs/${membersBoard.docName}`,
				{
					headers,
					origin
				}
			);
			const status = await new Promise<number>((resolve) => {
				ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
				ws.on('open', () => resolve(101));
				ws.on('error', () => {});
			});
			expect(status).toBe(403);
		}
	});

	it('shows an open board to an outsider read-only: their edits reach nobody', async () => {
		const writer = connect(openBoard.docName, cookies['referent@charleroi.demo']);
		const reader = connect(openBoard.docName, cookies['agent@tournai.demo']);
		await Promise.all([writer.synced, reader.synced]);
		writer.doc.getText('notes').insert(0, 'écrit par un membre');
		await eventually(() => reader.doc.getText('notes').toString() === 'écrit par un membre');
		reader.doc.getText('notes').insert(0, 'INTRUS ');
		reader.doc.getMap('cards').set('intrus', 'carte pirate');
		writer.doc.getText('notes').insert(0, '> ');
		await eventually(() => reader.doc.getText('notes').toString().includes('> '));
		await new Promise((r) => setTimeout(r, 300));
		expect(writer.doc.getText('notes').toString()).toBe('> écrit par un membre');
		expect(writer.doc.getMap('cards').has('intrus')).toBe(false);
		const newcomer = connect(openBoard.docName, cookies['referent@charleroi.demo']);
		await newcomer.synced;
		expect(newcomer.doc.getText('notes').toString()).toBe('> écrit par un membre');
		// the writer's last edit came after the refused ones: once it is in the log, they would be
		const logged = (email: string) =>
			(
				fixtures.sqlite
					.prepare('select count(*) as n from document_updates where user_id = ?')
					.get(fixtures.userId(email)) as { n: number }
			).n;
		await eventually(() => logged('referent@charleroi.demo') >= 2, 5000, 'the writer logged');
		expect(logged('agent@tournai.demo')).toBe(0);
	});

	it('closes the sockets of a session that logs out (4401)', async () => {
		const http = await new Client(server.url).login('agent@charleroi.demo');
		const client = connect(membersBoard.docName, http.cookieHeader);
		await client.synced;
		expect((await http.post('/logout', {})).status).toBe(303);
		expect((await client.closed).code).toBe(4401);
	});

	it('folds the log into a snapshot when the last client leaves, and serves it back', async () => {
		const board = fixtures.createBoard({
			centrale: 'igretec',
			visibility: 'members',
			members: ['mons']
		});
		const writer = connect(board.docName, cookies['referent@mons.demo']);
		await writer.synced;
		for (let i = 0; i < 30; i++) writer.doc.getArray('items').push([`besoin ${i}`]);
		await eventually(() => fixtures.loggedUpdates(board.docName) >= 30, 5000, 'the log');
		writer.provider.destroy();
		await eventually(() => fixtures.loggedUpdates(board.docName) === 0, 5000, 'compaction');
		const head = fixtures.sqlite
			.prepare('select snapshot, snapshot_seq as seq from documents where name = ?')
			.get(board.docName) as { snapshot: Buffer | null; seq: number };
		expect(head.snapshot?.byteLength).toBeGreaterThan(0);
		expect(head.seq).toBeGreaterThan(0);
		const reader = connect(board.docName, cookies['referent@mons.demo']);
		await reader.synced;
		expect(reader.doc.getArray('items').length).toBe(30);
		expect(reader.doc.getArray('items').get(29)).toBe('besoin 29');
	});

	it('never loses an update something else appended to a live document’s log', async () => {
		const board = fixtures.createBoard({
			centrale: 'igretec',
			visibility: 'members',
			members: ['mons']
		});
		const writer = connect(board.docName, cookies['referent@mons.demo']);
		await writer.synced;
		writer.doc.getMap('cards').set('a', 'client');
		await eventually(() => fixtures.loggedUpdates(board.docName) === 1, 5000, 'first update');
		const other = new Y.Doc();
		other.getMap('cards').set('serveur', 'écrit à côté');
		fixtures.sqlite
			.prepare(
				`insert into document_updates (doc_name, seq, "update", user_id, at)
				 values (@name, (select max(seq) from document_updates where doc_name = @name) + 1,
				 @update, null, @at)`
			)
			.run({
				name: board.docName,
				update: Buffer.from(Y.encodeStateAsUpdate(other)),
				at: Date.now()
			});
		writer.doc.getMap('cards').set('b', 'client');
		await eventually(() => fixtures.loggedUpdates(board.docName) === 3, 5000, 'second update');
		const reader = await afterCompaction(board.docName, writer);
		expect(reader.doc.getMap('cards').toJSON()).toEqual({
			a: 'client',
			serveur: 'écrit à côté',
			b: 'client'
		});
	});

	it('relays and stores updates that arrive before what they build on', async () => {
		const { board, reader, ws } = await boardWithReaderAndWriter();
		// "ab" typed as two updates, the second sent first: the hub holds it until "a" arrives
		const author = new Y.Doc();
		const [first, second] = [
			capture(author, () => author.getText('notes').insert(0, 'a')),
			capture(author, () => author.getText('notes').insert(1, 'b'))
		];
		const aside = new Y.Doc();
		const unrelated = capture(aside, () => aside.getMap('cards').set('autre', 'x'));
		for (const update of [second, unrelated, first]) await sendAndWait(ws, syncUpdate(update));
		ws.close();
		await eventually(() => reader.doc.getText('notes').toString() === 'ab', 5000, 'reader');
		expect(reader.doc.getMap('cards').get('autre')).toBe('x');
		const later = await afterCompaction(board.docName, reader);
		expect(later.doc.getText('notes').toString()).toBe('ab');
		expect(later.doc.getMap('cards').get('autre')).toBe('x');
	});

	it('keeps and relays what a malformed update changed before it broke, and closes its socket', async () => {
		const { board, reader, ws } = await boardWithReaderAndWriter();
		const author = new Y.Doc();
		const update = capture(author, () => author.getMap('cards').set('abîmé', 'mais reçu'));
		// without its last byte (the delete set's count), Yjs integrates the card, then throws
		const closed = new Promise<number>((resolve) => ws.once('close', resolve));
		ws.send(syncUpdate(update.subarray(0, update.length - 1)));
		expect(await closed).toBe(1007);
		await eventually(() => reader.doc.getMap('cards').get('abîmé') === 'mais reçu', 5000, 'relay');
		const later = await afterCompaction(board.docName, reader);
		expect(later.doc.getMap('cards').toJSON()).toEqual({ abîmé: 'mais reçu' });
	});

	it('relays presence, but only for the connection’s own client id', async () => {
		const watcher = connect(membersBoard.docName, cookies['referent@mons.demo']);
		await watcher.synced;
		const ws = await rawSocket(server.url, membersBoard.docName, {
			cookie: cookies['referent@charleroi.demo']
		});
		ws.send(awarenessUpdate(424242, 1, { user: { name: 'Karim' } }));
		ws.send(awarenessUpdate(watcher.doc.clientID, 99, { user: { name: 'usurpé' } }));
		ws.send(awarenessUpdate(515151, 1, { user: { name: 'fantôme' } }));
		await eventually(() => watcher.provider.awareness.getStates().has(424242), 5000, 'presence');
		await new Promise((r) => setTimeout(r, 300));
		const states = watcher.provider.awareness.getStates();
		expect(states.get(424242)).toEqual({ user: { name: 'Karim' } });
		expect(states.has(515151)).toBe(false);
		expect(states.get(watcher.doc.clientID)).not.toEqual({ user: { name: 'usurpé' } });
		ws.close();
		await eventually(() => !watcher.provider.awareness.getStates().has(424242), 5000, 'leave');
	});

	it('delivers a busy writer’s latest presence, and still bounds its rate', async () => {
		const watcher = connect(membersBoard.docName, cookies['referent@mons.demo']);
		await watcher.synced;
		const ws = await rawSocket(server.url, membersBoard.docName, {
			cookie: cookies['referent@charleroi.demo']
		});
		const seen: number[] = [];
		watcher.provider.awareness.on('update', ({ added, updated }: Record<string, number[]>) => {
			if ([...added, ...updated].includes(737373)) {
				seen.push(watcher.provider.awareness.getStates().get(737373)?.cursor);
			}
		});
		// what a y-websocket client does while two people type: each of its own cursor moves,
		// and between them it re-sends the other person's state it has just heard
		const started = Date.now();
		for (let move = 1; move <= 200; move++) {
			ws.send(awarenessUpdate(737373, move, { user: { name: 'Karim' }, cursor: move }));
			ws.send(awarenessUpdate(watcher.doc.clientID, move, { user: { name: 'Marc' } }));
		}
		await eventually(() => seen.at(-1) === 200, 5000, 'the last move arrives');
		const elapsed = (Date.now() - started) / 1000;
		// a flood of 200 moves is thinned to the burst and the rate, in order, ending on the last
		expect(seen.length).toBeLessThanOrEqual(40 + Math.ceil(20 * elapsed) + 1);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		ws.close();
	});

	it('answers a flood of presence queries a bounded number of times, still answering', async () => {
		const present = connect(membersBoard.docName, cookies['referent@mons.demo']);
		await present.synced;
		const ws = await rawSocket(server.url, membersBoard.docName, {
			cookie: cookies['referent@charleroi.demo']
		});
		const received: Uint8Array[] = [];
		ws.on('message', (data: Buffer) => {
			if (data[0] === 1) received.push(new Uint8Array(data));
		});
		present.provider.awareness.setLocalStateField('user', { name: 'Marc' });
		await eventually(() => received.length > 0, 5000, 'Marc’s presence');
		await new Promise((r) => setTimeout(r, 200));
		const before = received.length;
		const started = Date.now();
		for (let i = 0; i < 2000; i++) ws.send(new Uint8Array([3])); // 3: query awareness
		await eventually(() => received.length > before, 5000, 'an answer');
		await new Promise((r) => setTimeout(r, 1000));
		const elapsed = (Date.now() - started) / 1000;
		const replies = received.length - before;
		// the answers' burst and rate, plus one the watcher's own renewal may add meanwhile
		expect(replies).toBeLessThanOrEqual(QUERY_BURST + Math.ceil(QUERY_PER_SECOND * elapsed) + 1);
		// what is answered is everyone's presence, the watcher's included
		const last = awarenessEntriesOf(received.at(-1)!);
		expect(last.get(present.doc.clientID)).toEqual({ user: { name: 'Marc' } });
		ws.close();
	});

	it('shows two people typing at once where each other’s cursor ends up', async () => {
		const karim = connect(membersBoard.docName, cookies['referent@charleroi.demo']);
		const marc = connect(membersBoard.docName, cookies['referent@mons.demo']);
		await Promise.all([karim.synced, marc.synced]);
		const cursorOf = (seer: YjsClient, seen: YjsClient) =>
			seer.provider.awareness.getStates().get(seen.doc.clientID)?.cursor;
		// each keystroke moves the typist's cursor, and each client re-sends what it hears
		for (let key = 1; key <= 150; key++) {
			karim.provider.awareness.setLocalStateField('cursor', key);
			marc.provider.awareness.setLocalStateField('cursor', key);
			if (key % 10 === 0) await new Promise((r) => setTimeout(r, 20));
		}
		await eventually(() => cursorOf(marc, karim) === 150, 5000, 'Marc sees Karim’s last key');
		await eventually(() => cursorOf(karim, marc) === 150, 5000, 'Karim sees Marc’s last key');
	});
});

/** A new board with a member reading it, and a bare socket to write to it by hand. */
async function boardWithReaderAndWriter() {
	const board = fixtures.createBoard({
		centrale: 'igretec',
		visibility: 'members',
		members: ['mons']
	});
	const reader = connect(board.docName, cookies['referent@mons.demo']);
	await reader.synced;
	const ws = await rawSocket(server.url, board.docName, { cookie: cookies['referent@mons.demo'] });
	return { board, reader, ws };
}

/** Closes the last client, waits until the board's log is compacted, and connects a newcomer. */
async function afterCompaction(docName: string, last: YjsClient) {
	last.provider.destroy();
	await eventually(() => fixtures.loggedUpdates(docName) === 0, 5000, 'compaction');
	const later = connect(docName, cookies['referent@mons.demo']);
	await later.synced;
	return later;
}

/** The update `change` makes to `doc`, as its 'update' event gives it. */
function capture(doc: Y.Doc, change: () => void): Uint8Array {
	let captured: Uint8Array | null = null;
	const take = (update: Uint8Array) => (captured = update);
	doc.on('update', take);
	change();
	doc.off('update', take);
	if (!captured) throw new Error('the change made no update');
	return captured;
}

/** A y-websocket sync message carrying `update`. */
function syncUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** Sends a message; the hub answers the ping that follows once it has handled the message. */
function sendAndWait(ws: WebSocket, message: Uint8Array): Promise<void> {
	return new Promise((resolve) => {
		ws.once('pong', () => resolve());
		ws.send(message);
		ws.ping();
	});
}

/** The states an awareness message (type 1) carries, by client id. */
function awarenessEntriesOf(message: Uint8Array): Map<number, unknown> {
	const outer = decoding.createDecoder(message);
	decoding.readVarUint(outer);
	const decoder = decoding.createDecoder(decoding.readVarUint8Array(outer));
	const states = new Map<number, unknown>();
	for (let n = decoding.readVarUint(decoder); n > 0; n--) {
		const clientId = decoding.readVarUint(decoder);
		decoding.readVarUint(decoder); // clock
		states.set(clientId, JSON.parse(decoding.readVarString(decoder)));
	}
	return states;
}

/** An awareness message (type 1) describing one client. */
function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
	const outer = encoding.createEncoder();
	encoding.writeVarUint(outer, 1);
	encoding.writeVarUint8Array(outer, awarenessEntries([clientId, clock, JSON.stringify(state)]));
	return encoding.toUint8Array(outer);
}
