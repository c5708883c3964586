import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awarenessEntries } from '../support/awareness-wire';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import {
	closeCode,
	connectYjs,
	eventually,
	rawSocket,
	type YjsClient
} from '../support/yjs-client';

let server: TestServer;
let docName: string;
let cookie: string;
const clients: YjsClient[] = [];

beforeAll(async () => {
	server = await startServer();
	const fixtures = new FixtureDb(server.dataDir);
	docName = fixtures.createBoard({
		centrale: 'igretec',
		visibility: 'members',
		members: ['mons']
	}).docName;
	fixtures.close();
	cookie = (await new Client(server.url).login('referent@mons.demo')).cookieHeader;
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

function message(...parts: (number | Uint8Array)[]): Uint8Array {
	const encoder = encoding.createEncoder();
	for (const part of parts) {
		if (typeof part === 'number') encoding.writeVarUint(encoder, part);
		else encoding.writeVarUint8Array(encoder, part);
	}
	return encoding.toUint8Array(encoder);
}

/** Well-formed messages of every kind the protocol has, to truncate and corrupt. */
function seedMessages(): Uint8Array[] {
	const doc = new Y.Doc();
	doc.getText('fuzz').insert(0, 'du texte à abîmer');
	doc.getMap('fuzzmap').set('clé', { valeur: [1, 2, 3] });
	const update = Y.encodeStateAsUpdate(doc);
	const awareness = awarenessEntries([777, 1, JSON.stringify({ user: { name: 'Fuzz' } })]);
	return [
		message(0, 0, Y.encodeStateVector(doc)),
		message(0, 1, update),
		message(0, 2, update),
		message(1, awareness),
		message(3)
	];
}

function fuzzedMessages(count: number): Uint8Array[] {
	const seeds = seedMessages();
	const seed = fc.constantFrom(...seeds);
	const arbitrary = fc.oneof(
		fc.uint8Array({ maxLength: 300 }),
		fc.tuple(seed, fc.nat()).map(([m, n]) => m.subarray(0, n % m.length)),
		fc
			.tuple(
				seed,
				fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 5 })
			)
			.map(([m, edits]) => {
				const copy = Uint8Array.from(m);
				for (const [at, value] of edits) copy[at % copy.length] = value;
				return copy;
			}),
		fc
			.tuple(
				fc.constantFrom(0, 1, 2, 3, 9, 200),
				fc.nat({ max: 5 }),
				fc.uint8Array({ maxLength: 100 })
			)
			.map(([type, sub, rest]) => Uint8Array.from([type, sub, ...rest]))
	);
	return fc.sample(arbitrary, { numRuns: count, seed: 20261125 });
}

/** Sends messages one by one; the server answers a ping only after it handled the message. */
async function sendAll(messages: Uint8Array[]) {
	let ws: WebSocket | null = null;
	let closes = 0;
	for (const bytes of messages) {
		ws ??= await rawSocket(server.url, docName, { cookie });
		const socket: WebSocket = ws;
		const outcome = await new Promise<'pong' | 'closed'>((resolve) => {
			socket.once('pong', () => resolve('pong'));
			socket.once('close', () => resolve('closed'));
			socket.send(bytes);
			socket.ping();
		});
		socket.removeAllListeners('pong');
		socket.removeAllListeners('close');
		if (outcome === 'closed') {
			closes++;
			ws = null;
		}
	}
	ws?.close();
	return closes;
}

describe('hostile input', () => {
	it('survives 10,000 fuzzed and truncated messages, and the document stays intact', async () => {
		const a = connectYjs(server.url, docName, { cookie });
		const b = connectYjs(server.url, docName, { cookie });
		clients.push(a, b);
		await Promise.all([a.synced, b.synced]);
		a.doc.getMap('legit').set('a0', 'avant');

		const messages = fuzzedMessages(10_000);
		const workers = 8;
		const share = Math.ceil(messages.length / workers);
		const closing = Promise.all(
			Array.from({ length: workers }, (_, w) => sendAll(messages.slice(w * share, (w + 1) * share)))
		);
		b.doc.getMap('legit').set('b0', 'pendant');
		const closes = (await closing).reduce((sum, n) => sum + n, 0);
		expect(closes).toBeGreaterThan(1000); // most were refused, each closing only its own socket
		a.doc.getMap('legit').set('a1', 'après');

		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(200);
		expect(server.process.exitCode).toBeNull();
		const expected = { a0: 'avant', b0: 'pendant', a1: 'après' };
		const holds = (doc: Y.Doc) =>
			Object.entries(expected).every(([k, v]) => doc.getMap('legit').get(k) === v);
		await eventually(() => holds(b.doc), 10_000, 'b to see every legitimate edit');
		const fresh = connectYjs(server.url, docName, { cookie });
		clients.push(fresh);
		await fresh.synced;
		expect(fresh.doc.getMap('legit').toJSON()).toEqual(expected);
		expect(a.doc.getMap('legit').toJSON()).toEqual(expected);
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
	}, 180_000);

	it('closes a connection that sends more than 2 MB with 1009, and only that one', async () => {
		const bystander = connectYjs(server.url, docName, { cookie });
		clients.push(bystander);
		await bystander.synced;
		const ws = await rawSocket(server.url, docName, { cookie });
		const code = closeCode(ws);
		ws.send(message(0, 2, new Uint8Array(2 * 1024 * 1024 + 1)));
		expect(await code).toBe(1009);
		bystander.doc.getMap('legit').set('encore', 'là');
		const other = connectYjs(server.url, docName, { cookie });
		clients.push(other);
		await other.synced;
		await eventually(() => other.doc.getMap('legit').get('encore') === 'là');
		expect(bystander.provider.wsconnected).toBe(true);
	});
});
