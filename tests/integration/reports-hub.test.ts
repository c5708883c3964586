/**
 * The Automerge hub with stock automerge-repo clients against the real server process: offline
 * edits merge without losing a word, readers' changes are dropped, documents one may not read
 * are unavailable, and malformed messages close only their own socket.
 */

import * as A from '@automerge/automerge';
import { cbor, splice, type DocHandle } from '@automerge/automerge-repo';
import { spawnSync } from 'node:child_process';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { ROOT, startServer, type TestServer } from '../support/server';
import { connectYjs, eventually } from '../support/yjs-client';
import {
	connectAutomerge,
	createReportFixture,
	type AutomergeClient,
	type ReportFixture
} from '../support/automerge-client';

type Report = { story: string; lessons: string; ratings: Record<string, number | null> };

let server: TestServer;
let fixtures: FixtureDb;
const clients: AutomergeClient[] = [];
const cookies: Record<string, string> = {};

async function client(email: string) {
	cookies[email] ??= (await new Client(server.url).login(email)).cookieHeader;
	const c = await connectAutomerge(server.url, cookies[email]);
	clients.push(c);
	return c;
}

function report(options: Parameters<typeof createReportFixture>[2] = {}): ReportFixture {
	return createReportFixture(fixtures.sqlite, fixtures.organisationId('charleroi'), options);
}

const story = (h: DocHandle<Report>) => h.doc()?.story ?? '';

/** A fresh client's view of the stored document (what the server has, not what a peer holds). */
async function storedStory(url: ReportFixture['url']) {
	const fresh = await client('referent@charleroi.demo');
	const handle = await fresh.repo.find<Report>(url);
	const text = story(handle);
	await fresh.close();
	return text;
}

/** how many parts the document's log holds after its snapshot */
const storedLog = (docName: string) =>
	(
		fixtures.sqlite
			.prepare('select count(*) as n from document_updates where doc_name = ?')
			.get(docName) as { n: number }
	).n;

beforeAll(async () => {
	server = await startServer();
	fixtures = new FixtureDb(server.dataDir);
});

afterAll(async () => {
	for (const c of clients) await c.close().catch(() => {});
	fixtures?.close();
	await server?.stop();
});

describe('automerge hub', () => {
	it('merges two authors’ offline edits without losing a word', async () => {
		const r = report();
		const alice = await client('referent@charleroi.demo');
		const bob = await client('agent@charleroi.demo');
		const a = await alice.repo.find<Report>(r.url);
		a.change((d) => splice(d, ['story'], 0, 0, 'Le déploiement a duré trois mois.'));
		const b = await bob.repo.find<Report>(r.url);
		await eventually(() => story(b) === 'Le déploiement a duré trois mois.', 5000, 'first sync');

		alice.proxy.pause();
		bob.proxy.pause();
		a.change((d) => splice(d, ['story'], 0, 0, 'Alice commence. '));
		a.change((d) => splice(d, ['lessons'], 0, 0, 'Former les agents tôt.'));
		const bEnd = story(b).length;
		b.change((d) => splice(d, ['story'], bEnd, 0, ' Bob termine.'));
		b.change((d) => (d.ratings.support = 4));
		alice.proxy.resume();
		bob.proxy.resume();

		const merged = 'Alice commence. Le déploiement a duré trois mois. Bob termine.';
		await eventually(() => story(a) === merged && story(b) === merged, 10_000, 'convergence');
		expect(b.doc()!.lessons).toBe('Former les agents tôt.');
		expect(a.doc()!.ratings.support).toBe(4);
		expect(await storedStory(r.url)).toBe(merged);

		// the projection follows the document: excerpt and ratings in SQL, for listings
		const row = () =>
			fixtures.sqlite
				.prepare('select excerpt, ratings, overall_rating as overall from reports where id = ?')
				.get(r.reportId) as { excerpt: string; ratings: string | null; overall: number | null };
		await eventually(() => row().excerpt.startsWith(merged), 10_000, 'projection');
		expect(JSON.parse(row().ratings!).support).toBe(4);
		expect(row().overall).toBe(4);
		fixtures.sqlite
			.prepare("update reports set excerpt = '', ratings = null where id = ?")
			.run(r.reportId);
		const cli = spawnSync(
			process.execPath,
			['--import', 'tsx', 'server/reports-reproject-cli.ts'],
			{
				cwd: ROOT,
				env: { ...process.env, DATA_DIR: server.dataDir },
				encoding: 'utf8'
			}
		);
		expect(cli.status, cli.stderr).toBe(0);
		expect(row().excerpt.startsWith(merged)).toBe(true);
		expect(JSON.parse(row().ratings!).support).toBe(4);
	}, 90_000);

	it('never gives a reader of a published report its document: the draft is the authors’', async () => {
		const r = report({ status: 'published' });
		const writer = await client('agent@charleroi.demo');
		const w = await writer.repo.find<Report>(r.url);
		w.change((d) => splice(d, ['story'], 0, 0, 'Pas encore publié.'));
		for (let tries = 0; (await storedStory(r.url)) !== 'Pas encore publié.'; tries++) {
			if (tries > 250) throw new Error('the change was not stored');
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		// a member of another commune reads the publication on its page, never the live draft
		const reader = await client('referent@mons.demo');
		await expect(reader.repo.find<Report>(r.url)).rejects.toThrow(/unavailable/i);
	});

	it('answers a draft to an outsider, and an unknown document, as unavailable', async () => {
		const r = report();
		const outsider = await client('referent@mons.demo');
		await expect(outsider.repo.find(r.url)).rejects.toThrow(/unavailable/i);
		const other = report();
		fixtures.sqlite.prepare('delete from reports where id = ?').run(other.reportId);
		const insider = await client('referent@charleroi.demo');
		await expect(insider.repo.find(other.url)).rejects.toThrow(/unavailable/i);
	});

	it('closes only the sockets that send malformed messages', async () => {
		const r = report();
		const alice = await client('referent@charleroi.demo');
		const bob = await client('agent@charleroi.demo');
		const a = await alice.repo.find<Report>(r.url);
		const b = await bob.repo.find<Report>(r.url);
		const cookie = cookies['agent@charleroi.demo'];
		const garbage = (i: number): Uint8Array[] => [
			new Uint8Array([0xff, 0x00, i & 0xff]),
			cbor.encode({
				type: 'sync',
				senderId: 'x',
				targetId: 'y',
				documentId: 'nope',
				data: new Uint8Array([1])
			}),
			cbor.encode({ type: 'join', senderId: 'p', supportedProtocolVersions: 'one' }),
			cbor.encode([1, 2, 3])
		];
		const TOTAL = 5000;
		const codes: number[] = [];
		for (let start = 0; start < TOTAL; start += 100) {
			const batch = Array.from({ length: Math.min(100, TOTAL - start) }, (_, k) => {
				const i = start + k;
				return new Promise<number>((resolve, reject) => {
					const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/automerge`, {
						headers: { origin: server.url, cookie }
					});
					ws.on('open', () => ws.send(garbage(i)[i % 4]));
					ws.on('close', (code) => resolve(code));
					ws.on('error', reject);
				});
			});
			codes.push(...(await Promise.all(batch)));
			const end = story(a).length;
			a.change((d) => splice(d, ['story'], end, 0, `${start / 100} `));
		}
		expect(codes.length).toBe(TOTAL);
		expect(new Set(codes)).toEqual(new Set([1007]));
		await eventually(
			() => story(b) === story(a) && story(a).split(' ').length > 40,
			10_000,
			'sync'
		);

		// a sync message that is not Automerge's, from a joined peer: that socket only
		const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/automerge`, {
			headers: { origin: server.url, cookie }
		});
		const code = await new Promise<number>((resolve) => {
			ws.on('open', () => {
				ws.send(cbor.encode({ type: 'join', senderId: 'raw', supportedProtocolVersions: ['1'] }));
				ws.send(
					cbor.encode({
						type: 'sync',
						senderId: 'raw',
						targetId: 'hub',
						documentId: r.url.slice('automerge:'.length),
						data: new Uint8Array([66, 1, 2, 3])
					})
				);
			});
			ws.on('close', (c) => resolve(c));
		});
		expect(code).toBe(1007);
		a.change((d) => splice(d, ['story'], 0, 0, 'Toujours là. '));
		await eventually(() => story(b).startsWith('Toujours là.'), 5000, 'others unaffected');
	}, 240_000);

	it('refuses a change made under another author’s actor, and stores nothing of it', async () => {
		const r = report();
		const alice = await client('referent@charleroi.demo');
		const a = await alice.repo.find<Report>(r.url);
		a.change((d) => splice(d, ['story'], 0, 0, 'Écrit par Alice.'));
		await eventually(() => storedLog(r.docName) > 0, 5000, 'alice stored');
		const aliceActor = A.decodeChange(A.getLastLocalChange(a.doc())!).actor;

		// Bob speaks the protocol by hand, with a doc that claims Alice's actor
		cookies['agent@charleroi.demo'] ??= (
			await new Client(server.url).login('agent@charleroi.demo')
		).cookieHeader;
		const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/automerge`, {
			headers: { origin: server.url, cookie: cookies['agent@charleroi.demo'] }
		});
		const documentId = r.url.slice('automerge:'.length);
		let doc = A.init<Report>({ actor: aliceActor });
		let state = A.initSyncState();
		let hub = '';
		const send = (type: string) => {
			const [next, data] = A.generateSyncMessage(doc, state);
			state = next;
			if (data) ws.send(cbor.encode({ type, senderId: 'bob', targetId: hub, documentId, data }));
		};
		const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
		ws.on('open', () =>
			ws.send(cbor.encode({ type: 'join', senderId: 'bob', supportedProtocolVersions: ['1'] }))
		);
		ws.on('message', (bytes: Buffer) => {
			const message = cbor.decode(bytes) as { type: string; senderId: string; data?: Uint8Array };
			if (message.type === 'peer') {
				hub = message.senderId;
				return send('request');
			}
			if (message.type !== 'sync' || !message.data) return;
			[doc, state] = A.receiveSyncMessage(doc, state, message.data);
			if (doc.story === 'Écrit par Alice.')
				doc = A.change(doc, (d) => splice(d, ['story'], 0, 0, 'Faux. '));
			send('sync');
		});
		expect(await closed).toBe(4403);
		const before = storedLog(r.docName);
		expect(await storedStory(r.url)).toBe('Écrit par Alice.');
		expect(storedLog(r.docName)).toBe(before);
	});

	it('stores a report typed in bursts whole, and still refuses one past 200 KB', async () => {
		const r = report();
		const alice = await client('referent@charleroi.demo');
		const a = await alice.repo.find<Report>(r.url);
		// 2,000 small changes, about fifty per sync message (the client syncs every 100 ms): their
		// raw size passes 200 KB long before the 15 KB document does
		for (let i = 0; i < 2000; i++) {
			a.change((d) => splice(d, ['story'], d.story.length, 0, `Mot ${i}. `));
			if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 5));
		}
		let stored = '';
		for (const deadline = Date.now() + 30_000; !stored.endsWith('Mot 1999. ');) {
			if (Date.now() > deadline) throw new Error(`stored ${stored.length} characters only`);
			await new Promise((resolve) => setTimeout(resolve, 300));
			stored = await storedStory(r.url);
		}
		expect(stored.length).toBe(a.doc()!.story.length);

		// 250 KB more, in 25 changes: refused, and nothing of it stored
		for (let i = 0; i < 25; i++)
			a.change((d) => splice(d, ['story'], d.story.length, 0, `${i}`.padEnd(10_000, 'x')));
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await storedStory(r.url)).toBe(stored);
	}, 90_000);

	it('never serves a report document to a Yjs client', async () => {
		const r = report();
		const yjs = connectYjs(server.url, r.docName, { cookie: cookies['referent@charleroi.demo'] });
		expect((await yjs.closed).code).toBe(4404);
		yjs.destroy();
	});

	it('refuses a connection without a session', async () => {
		const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/automerge`, {
			headers: { origin: server.url }
		});
		const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
		expect(code).toBe(4401);
	});
});
