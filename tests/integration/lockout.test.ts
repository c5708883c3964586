import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

// its own server: the lockout also covers the address, which every test shares (127.0.0.1)
let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

it('refuses further attempts after 10 failures, even with the right password', async () => {
	const client = new Client(server.url);
	for (let i = 0; i < 10; i++) {
		const res = await client.action('/login', {
			email: 'referent@seneffe.demo',
			password: `faux-${i}-faux`
		});
		expect(res.status).toBe(400);
	}
	const locked = await client.action('/login', {
		email: 'referent@seneffe.demo',
		password: 'centrale-demo'
	});
	expect(locked.status).toBe(429);
	expect(locked.body.data).toContain('Trop de tentatives');
});

it('locks the address too: another account from the same address is refused for a while', async () => {
	const res = await new Client(server.url).action('/login', {
		email: 'referent@mons.demo',
		password: 'centrale-demo'
	});
	expect(res.status).toBe(429);
	expect(res.body.data).toMatch(/réessayez dans \d+ minutes?/);
});
