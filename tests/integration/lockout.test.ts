/**
 * Login throttling as the OWASP Authentication Cheat Sheet recommends: failures slow down one
 * account from one address (growing delays), never the account everywhere nor everyone behind
 * an address, and a device that signed in before keeps its way in.
 *
 * The server resolves addresses as behind a proxy (ADDRESS_HEADER=x-forwarded-for), so each
 * client below speaks from the address it names, as adapter-node's getClientAddress() sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DEMO_PASSWORD } from '../support/http';
import { startServer, type TestServer } from '../support/server';

const PROXY = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: PROXY });
});
afterAll(async () => {
	await server?.stop();
});

/** A browser at `address`, as the proxy in front of the portal reports it. */
class ClientAt extends Client {
	constructor(
		baseUrl: string,
		readonly address: string
	) {
		super(baseUrl);
	}

	override request(path: string, init: RequestInit = {}) {
		const headers = new Headers(init.headers);
		headers.set('x-forwarded-for', this.address);
		return super.request(path, { ...init, headers });
	}
}

const at = (address: string) => new ClientAt(server.url, address);

async function attempt(client: Client, email: string, password: string) {
	const { status, body } = await client.action('/login', { email, password });
	return { status, message: String(body.data ?? '') };
}

async function failTimes(client: Client, email: string, times: number) {
	const statuses: number[] = [];
	for (let i = 0; i < times; i++) statuses.push((await attempt(client, email, `faux-${i}`)).status);
	return statuses;
}

describe('login throttling', () => {
	it('an attacker on another address does not lock the victim out', async () => {
		const statuses = await failTimes(at('203.0.113.66'), 'referent@mons.demo', 20);
		expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
		expect(statuses.at(-1)).toBe(429); // the attacker is slowed down…
		// …the victim, at home, on a browser that never signed in before, is not
		const victim = await attempt(at('198.51.100.7'), 'referent@mons.demo', DEMO_PASSWORD);
		expect(victim.status).toBe(303);
	});

	it('one person’s typos in a town hall do not block colleagues behind the same address', async () => {
		const hall = '192.0.2.10';
		const typos = await failTimes(at(hall), 'agent@charleroi.demo', 12);
		expect(typos.at(-1)).toBe(429);
		for (const email of [
			'referent@charleroi.demo',
			'acheteur@igretec.demo',
			'admin@centrale.demo'
		]) {
			expect((await attempt(at(hall), email, DEMO_PASSWORD)).status).toBe(303);
		}
	});

	it('a device that signed in before gets in with the right password during an attack', async () => {
		const office = '192.0.2.50';
		const device = at(office);
		await device.login('referent@seneffe.demo');
		expect((await device.post('/logout', {})).status).toBe(303);

		// an attacker behind the same address (or a proxy without the address header)
		await failTimes(at(office), 'referent@seneffe.demo', 15);
		const elsewhere = await attempt(at(office), 'referent@seneffe.demo', DEMO_PASSWORD);
		expect(elsewhere.status).toBe(429);

		expect((await attempt(device, 'referent@seneffe.demo', DEMO_PASSWORD)).status).toBe(303);
	});

	it('slows the pair down with growing delays said in French; a success clears it', async () => {
		const client = at('192.0.2.77');
		const email = 'agent@tournai.demo';
		expect(await failTimes(client, email, 5)).toEqual([400, 400, 400, 400, 400]);
		const slowed = await attempt(client, email, DEMO_PASSWORD); // even the right password
		expect(slowed.status).toBe(429);
		expect(slowed.message).toContain('Trop de tentatives de connexion pour ce compte');
		// 30 seconds after the last failure: what is left of them when the server answers
		expect(waitSaid(slowed.message)).toBeGreaterThan(20_000);
		expect(waitSaid(slowed.message)).toBeLessThanOrEqual(30_000);

		// 31 seconds later: one more try, and the next wait is twice as long
		server = await startLater(31_000);
		expect((await attempt(client, email, 'encore-faux')).status).toBe(400);
		const longer = await attempt(client, email, DEMO_PASSWORD);
		expect(longer.status).toBe(429);
		expect(waitSaid(longer.message)).toBeGreaterThan(30_000);
		expect(waitSaid(longer.message)).toBeLessThanOrEqual(60_000);

		server = await startLater(31_000 + 61_000);
		expect((await attempt(client, email, DEMO_PASSWORD)).status).toBe(303);
		// the pair starts afresh: a typo is a typo again
		const typo = await attempt(client, email, 'faux');
		expect(typo.status).toBe(400);
		expect(typo.message).toContain('Adresse e-mail ou mot de passe incorrect.');
	});
});

/** The wait a refusal announces (« réessayez dans 28 secondes »), in ms. */
function waitSaid(message: string): number {
	const [, n, unit] = /réessayez dans (\d+) (seconde|minute)s?\./.exec(message) ?? [];
	if (!n) throw new Error(`no wait in: ${message}`);
	return Number(n) * (unit === 'minute' ? 60_000 : 1000);
}

/** The same server (data, port) restarted with its clock `ms` ahead of now. */
async function startLater(ms: number) {
	await server.stop();
	return startServer({
		dataDir: server.dataDir,
		port: server.port,
		env: { ...PROXY, CLOCK_OFFSET_MS: String(ms) }
	});
}
