import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('login and sessions', () => {
	it('logs a demo account in with an HttpOnly SameSite=Lax cookie and out again', async () => {
		const client = new Client(server.url);
		const res = await client.post('/login', {
			email: 'referent@mons.demo',
			password: 'centrale-demo'
		});
		expect(res.status).toBe(303);
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('centrale_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		const account = await client.get('/compte');
		expect(account.status).toBe(200);
		expect(await account.text()).toContain('Marc Delvaux');

		const out = await client.post('/logout', {});
		expect(out.status).toBe(303);
		const after = await client.get('/compte');
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toContain('/login');
	});

	it('answers a wrong password and an unknown account with the same calm message', async () => {
		const client = new Client(server.url);
		const wrong = await client.action('/login', {
			email: 'agent@charleroi.demo',
			password: 'nope-nope-nope'
		});
		const unknown = await client.action('/login', {
			email: 'nobody@nowhere.be',
			password: 'nope-nope-nope'
		});
		expect(wrong.body.type).toBe('failure');
		expect(wrong.body.data).toContain('Adresse e-mail ou mot de passe incorrect.');
		expect(unknown.body.data).toContain('Adresse e-mail ou mot de passe incorrect.');
		expect(client.cookies.has('centrale_session')).toBe(false);
	});

	it('refuses a cross-site form post (CSRF protection stays on)', async () => {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'https://evil.example'
			},
			body: 'email=referent%40mons.demo&password=centrale-demo',
			redirect: 'manual'
		});
		expect(res.status).toBe(403);
	});

	it('serves security headers and a CSP with frame-ancestors none', async () => {
		const res = await fetch(`${server.url}/`);
		expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('answers /healthz with ok while the database answers', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok' });
	});
});
