/**
 * Backups that restore, with the real server, real y-websocket clients and real form posts: a
 * backup taken by `npm run backup` while 20 board editors and a commune's orders write holds
 * everything committed before it began; `npm run restore` puts it into a new data folder where
 * the server finds it all; a restore is refused while the server runs; a damaged database fails
 * the backup's checks and the admins are told.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { FixtureDb } from '../support/db';
import { lostRows, rowKeys } from '../support/rows';
import { Client } from '../support/http';
import { startServer, tempDataDir, type TestServer } from '../support/server';
import { connectYjs, eventually, type YjsClient } from '../support/yjs-client';

const servers: TestServer[] = [];
const clients: YjsClient[] = [];
afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const server of servers) await server.stop();
});

async function serve(options: Parameters<typeof startServer>[0] = {}) {
	const server = await startServer(options);
	servers.push(server);
	return server;
}

/** Appends `c<i>-<n>` to a shared array every 50 ms, and records what it got from the server. */
function editor(client: YjsClient, index: number) {
	const received = new Set<string>();
	const log = client.doc.getArray<string>('log');
	log.observe((event: Y.YArrayEvent<string>) => {
		if (event.transaction.origin !== client.provider) return;
		for (const delta of event.changes.delta)
			for (const entry of (delta.insert as string[] | undefined) ?? []) received.add(entry);
	});
	let n = 0;
	const timer = setInterval(() => log.push([`c${index}-${n++}`]), 50);
	return { received, stop: () => clearInterval(timer) };
}

/** Orders one day of form configuration, again and again; `placed` holds the answered ones. */
function orderer(referent: Client, lotId: string, itemId: string) {
	const placed: string[] = [];
	let running = true;
	const done = (async () => {
		while (running) {
			const res = await referent.post('/catalogue/IGR-2025-EGU-01/commander', {
				lotId,
				// a hundredth: on a quiet machine the loop places hundreds of orders during the backup,
				// and whole units would exhaust the framework's maximum (refused, rightly, with 409)
				[`q_${itemId}`]: '0.01',
				budgetYear: '2027',
				budgetArticle: '104/123-13'
			});
			const id = /^\/commandes\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1];
			if (res.status !== 303 || !id) throw new Error(`order refused: ${res.status}`);
			placed.push(id);
		}
	})();
	return {
		placed,
		stop: () => {
			running = false;
			return done;
		}
	};
}

const backupFiles = (dir: string) =>
	fs
		.readdirSync(path.join(dir, 'backups'))
		.filter((f) => f.endsWith('.sqlite'))
		.map((f) => path.join(dir, 'backups', f));

describe('backups', () => {
	it('restores every row and document update committed before a backup taken under load', async () => {
		const server = await serve();
		const fixtures = new FixtureDb(server.dataDir);
		const { docName } = fixtures.createBoard({
			centrale: 'igretec',
			visibility: 'members',
			members: ['charleroi']
		});
		fixtures.close();
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		const html = await (await referent.get('/catalogue/IGR-2025-EGU-01/commander')).text();
		const lotId = /name="lotId" value="(\d+)"/.exec(html)![1];
		const itemId = /name="q_(\d+)"/.exec(html)![1];

		const editing = Array.from({ length: 20 }, () =>
			connectYjs(server.url, docName, { cookie: referent.cookieHeader })
		);
		clients.push(...editing);
		await Promise.all(editing.map((c) => c.synced));
		const editors = editing.map(editor);
		const ordering = [orderer(referent, lotId, itemId), orderer(referent, lotId, itemId)];
		const union = () => new Set(editors.flatMap((e) => [...e.received]));
		await eventually(
			() => union().size > 300 && ordering.every((o) => o.placed.length >= 3),
			60_000,
			'traffic'
		);

		// committed before the backup began: what another client received (the hub writes an
		// update before relaying it), orders answered, and every row in the database
		const editsBefore = union();
		const ordersBefore = ordering.flatMap((o) => [...o.placed]);
		const rowsBefore = rowKeys(path.join(server.dataDir, 'centrale.sqlite'));
		const backup = await runCli('backup-cli.ts', [], { DATA_DIR: server.dataDir });
		expect(backup.output).toContain('Sauvegarde faite et vérifiée');
		expect(backup.code).toBe(0);
		// the portal kept writing while the backup ran
		expect(ordering.flatMap((o) => o.placed).length).toBeGreaterThan(ordersBefore.length);
		for (const e of editors) e.stop();
		await Promise.all(ordering.map((o) => o.stop()));
		for (const client of clients.splice(0)) client.destroy();

		const [file] = backupFiles(server.dataDir);
		const restoredDir = tempDataDir('centrale-restored-');
		const restore = await runCli('restore-cli.ts', [file], { DATA_DIR: restoredDir });
		expect(restore.output).toContain('Sauvegarde restaurée');
		expect(restore.code).toBe(0);

		const restoredRows = rowKeys(path.join(restoredDir, 'centrale.sqlite'));
		expect(lostRows(rowsBefore, restoredRows)).toEqual([]);

		const restored = await serve({ dataDir: restoredDir });
		const again = new Client(restored.url);
		again.cookies = new Map(referent.cookies); // the session is in the backup too
		for (const id of ordersBefore) expect((await again.get(`/commandes/${id}`)).status).toBe(200);
		const reader = connectYjs(restored.url, docName, { cookie: again.cookieHeader });
		clients.push(reader);
		await reader.synced;
		const stored = new Set(reader.doc.getArray<string>('log').toArray());
		expect([...editsBefore].filter((entry) => !stored.has(entry))).toEqual([]);
	}, 120_000);

	it('refuses to restore while the server runs on the data folder, and changes nothing', async () => {
		const server = await serve();
		const backup = await runCli('backup-cli.ts', [], { DATA_DIR: server.dataDir });
		expect(backup.code).toBe(0);
		const database = path.join(server.dataDir, 'centrale.sqlite');
		const before = fs.statSync(database).ino;
		const restore = await runCli('restore-cli.ts', backupFiles(server.dataDir), {
			DATA_DIR: server.dataDir
		});
		expect(restore.code).toBe(1);
		expect(restore.output).toContain('Le serveur Centrale tourne sur ce dossier de données');
		expect(restore.output).toContain('stop it before restoring');
		expect(fs.statSync(database).ino).toBe(before);
		expect(fs.readdirSync(server.dataDir).filter((f) => f.startsWith('replaced-'))).toEqual([]);
		expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);

		// once stopped, the same restore goes through and keeps the replaced database aside, with
		// the hub's journal of that database (a killed server's: replayed, it would undo the restore)
		await server.stop();
		fs.writeFileSync(path.join(server.dataDir, 'sync-journal.bin'), Buffer.from([1, 2, 3]));
		const done = await runCli('restore-cli.ts', backupFiles(server.dataDir), {
			DATA_DIR: server.dataDir
		});
		expect(done.code).toBe(0);
		const aside = fs.readdirSync(server.dataDir).filter((f) => f.startsWith('replaced-'));
		expect(aside).toHaveLength(1);
		expect(fs.existsSync(path.join(server.dataDir, aside[0], 'centrale.sqlite'))).toBe(true);
		expect(fs.existsSync(path.join(server.dataDir, aside[0], 'sync-journal.bin'))).toBe(true);
		expect(fs.existsSync(path.join(server.dataDir, 'sync-journal.bin'))).toBe(false);
	}, 60_000);

	it('records a backup of a damaged database as failed and tells the admins', async () => {
		const server = await serve();
		const good = await runCli('backup-cli.ts', [], { DATA_DIR: server.dataDir });
		expect(good.code).toBe(0);
		// an order line whose order does not exist: what a bad disk or a hand edit leaves behind
		const damage = new Database(path.join(server.dataDir, 'centrale.sqlite'));
		damage.pragma('foreign_keys = OFF');
		damage
			.prepare(
				'update order_lines set order_id = 999999 where rowid = (select min(rowid) from order_lines)'
			)
			.run();
		damage.close();

		// `npm run backup` finds the damage, but cannot report it: the database refuses to open
		const unreported = await runCli('backup-cli.ts', [], { DATA_DIR: server.dataDir });
		expect(unreported.code).toBe(1);
		expect(unreported.output).toContain('admins NON prévenus');
		expect(unreported.output).toContain('foreign_key_check: order_lines');

		// an admin asks for one from the page: the server's own process takes it and reports it
		const admin = await new Client(server.url).login('admin@centrale.demo');
		const now = await admin.action('/admin/sauvegardes?/backup', {});
		expect(now.status).toBe(500);
		expect(now.body.data).toContain('a échoué sa vérification');
		const page = await (await admin.get('/admin/sauvegardes')).text();
		expect(page).toContain('✗ Échec');
		expect(page).toContain('foreign_key_check: order_lines');
		expect(page).toContain('✓ Vérifiée');
		const inbox = await (await admin.get('/notifications')).text();
		expect(inbox).toContain('a échoué : foreign_key_check: order_lines');
		const mails = await (await admin.get('/admin/courriels')).text();
		expect(mails).toContain('Centrale : une sauvegarde a échoué');
		expect(mails).toContain('admin@centrale.demo');
		// nobody else is told, sees the page or takes a backup
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		expect(await (await referent.get('/notifications')).text()).not.toContain('sauvegarde');
		expect((await referent.get('/admin/sauvegardes')).status).toBe(403);
		expect((await referent.post('/admin/sauvegardes?/backup', {})).status).toBe(403);

		// `npm run backup` finds the same problem (already told: not told twice)
		const failed = await runCli('backup-cli.ts', [], { DATA_DIR: server.dataDir });
		expect(failed.code).toBe(1);
		expect(failed.output).toContain('a échoué sa vérification (admins prévenus)');
		expect(failed.output).toContain('foreign_key_check: order_lines');

		// the failed backup cannot be restored; neither can a good one damaged since
		const [newest, older] = backupFiles(server.dataDir).sort().reverse();
		await server.stop();
		const refused = await runCli('restore-cli.ts', [newest], { DATA_DIR: server.dataDir });
		expect(refused.code).toBe(1);
		expect(refused.output).toContain("n'a pas passé sa vérification");
		const bytes = fs.readFileSync(older);
		bytes[bytes.length - 100] ^= 0xff;
		fs.writeFileSync(older, bytes);
		const tampered = await runCli('restore-cli.ts', [older], { DATA_DIR: server.dataDir });
		expect(tampered.code).toBe(1);
		expect(tampered.output).toContain('SHA-256');
	}, 60_000);
});
