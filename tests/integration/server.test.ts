import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { ROOT, startServer, tempDataDir } from '../support/server';

/**
 * The HTTP status the server answers to a WebSocket upgrade request. fetch() cannot send one
 * (it refuses the Connection and Upgrade headers), so this speaks HTTP/1.1 through node:http.
 */
function upgradeStatus(url: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, {
			headers: {
				connection: 'Upgrade',
				upgrade: 'websocket',
				'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
				'sec-websocket-version': '13'
			}
		});
		req.on('response', (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('upgrade', (_res, socket) => {
			socket.destroy();
			resolve(101);
		});
		req.on('error', reject);
		req.end();
	});
}

describe('the server process', () => {
	it('starts with reference data only when DEMO=0, and no footer demo notice', async () => {
		const server = await startServer({ demo: false });
		try {
			const res = await new Client(server.url).action('/login', {
				email: 'admin@centrale.demo',
				password: 'centrale-demo'
			});
			expect(res.status).toBe(400);
			const home = await (await fetch(server.url + '/annuaire')).text();
			expect(home).toContain('75 communes');
			expect(home).not.toContain('Mode démonstration');
		} finally {
			await server.stop();
		}
	});

	it('keeps mails in the outbox without SMTP_URL, where admins read the reset link', async () => {
		const server = await startServer();
		try {
			await new Client(server.url).action('/mot-de-passe-oublie', { email: 'referent@mons.demo' });
			const admin = await new Client(server.url).login('admin@centrale.demo');
			const page = await (await admin.get('/admin/courriels')).text();
			expect(page).toContain('Conservé (pas de SMTP)');
			expect(page).toMatch(/\/reinitialiser\/[a-z0-9]{32}/);
			expect(page).toContain('Mode démonstration');
		} finally {
			await server.stop();
		}
	});

	it('stops gracefully on SIGTERM within 5 s and keeps its data across a restart', async () => {
		const server = await startServer();
		const client = await new Client(server.url).login('referent@charleroi.demo');
		const open = client.get('/annuaire'); // a request in flight
		const started = Date.now();
		const code = await server.stop('SIGTERM');
		expect(Date.now() - started).toBeLessThan(5000);
		expect(code).toBe(0);
		await open.catch(() => undefined);
		const again = await startServer({ dataDir: server.dataDir });
		try {
			// the session survived: it lives in SQLite, not in memory
			const c2 = new Client(again.url);
			c2.cookies = client.cookies;
			expect((await c2.get('/compte')).status).toBe(200);
		} finally {
			await again.stop();
		}
	});

	it('answers 404 to a WebSocket upgrade on an unknown /sync path', async () => {
		const server = await startServer();
		try {
			expect(await upgradeStatus(server.url + '/sync/unknown/x')).toBe(404);
			// the same address opened in a browser is a page like any other: the French 404
			const page = await fetch(server.url + '/sync/unknown/x');
			expect(page.status).toBe(404);
			const html = await page.text();
			expect(html).toContain('Page introuvable');
			expect(html).toContain('Référence de la demande');
			expect((await fetch(server.url + '/healthz')).status).toBe(200);
		} finally {
			await server.stop();
		}
	});

	it('serves a calm French 404 page with a request id', async () => {
		const server = await startServer();
		try {
			const res = await fetch(server.url + '/nulle-part');
			expect(res.status).toBe(404);
			const html = await res.text();
			expect(html).toContain('Page introuvable');
			expect(html).toContain('Référence de la demande');
		} finally {
			await server.stop();
		}
	});
});

describe('npm run seed -- --reset', () => {
	it('rebuilds the demo database from scratch', () => {
		const dataDir = tempDataDir();
		const run = () =>
			spawnSync(process.execPath, ['--import', 'tsx', 'server/seed-cli.ts', '--reset'], {
				cwd: ROOT,
				env: { ...process.env, DATA_DIR: dataDir, DEMO: '0' },
				encoding: 'utf8'
			});
		const first = run();
		expect(first.status).toBe(0);
		expect(first.stdout).toContain('Données de démonstration chargées.');
		const db = new Database(path.join(dataDir, 'centrale.sqlite'));
		db.prepare("delete from users where email = 'agent@tournai.demo'").run();
		db.close();
		expect(run().status).toBe(0);
		const check = new Database(path.join(dataDir, 'centrale.sqlite'), { readonly: true });
		const row = check
			.prepare("select count(*) n from users where email = 'agent@tournai.demo'")
			.get() as { n: number };
		check.close();
		expect(row.n).toBe(1);
	});
});
