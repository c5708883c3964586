/**
 * /api/v1/usages and /api/v1/events: open data, the same for every caller, paginated, and
 * nothing private in them: no use whose commune refused contact, no video link, no person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
const ROLES = [
	null,
	'agent@tournai.demo',
	'referent@mons.demo',
	'acheteur@igretec.demo',
	'admin@centrale.demo'
];
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

async function as(email: string | null) {
	const client = new Client(server.url);
	return email ? client.login(email) : client;
}

describe('GET /api/v1/usages', () => {
	it.each(ROLES)('lists consenting uses only, as %s', async (email) => {
		const res = await (await as(email)).get('/api/v1/usages?pageSize=200');
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text).not.toMatch(EMAIL);
		const body = JSON.parse(text) as {
			total: number;
			usages: { solution: string; commune: { slug: string } }[];
		};
		const pairs = body.usages.map((u) => `${u.commune.slug}:${u.solution}`);
		expect(pairs).toContain('charleroi:Logiciel de gestion de la population');
		expect(pairs).toContain('tournai:Logiciel de gestion de la population');
		// Mons and Ath declared theirs without consent; adhesions alone are not declarations
		expect(pairs.some((p) => p.startsWith('mons:') || p.startsWith('ath:'))).toBe(false);
		expect(pairs.some((p) => p.startsWith('seneffe:'))).toBe(false);
		expect(body.total).toBe(body.usages.length);
	});

	it('pages and filters', async () => {
		const client = await as(null);
		const first = (await (await client.get('/api/v1/usages?pageSize=1')).json()) as {
			pageCount: number;
			links: { next: string | null };
			usages: unknown[];
		};
		expect(first.usages).toHaveLength(1);
		expect(first.pageCount).toBeGreaterThan(1);
		expect(first.links.next).toContain('page=2');
		const civadis = (await (await client.get('/api/v1/usages?fournisseur=Civadis')).json()) as {
			usages: { supplier: string }[];
		};
		expect(civadis.usages.length).toBe(2);
		expect(civadis.usages.every((u) => u.supplier === 'Civadis')).toBe(true);
	});
});

describe('GET /api/v1/events', () => {
	it.each(ROLES)('lists upcoming rencontres without video links, as %s', async (email) => {
		const res = await (await as(email)).get('/api/v1/events');
		const text = await res.text();
		expect(res.status).toBe(200);
		expect(text).not.toMatch(EMAIL);
		expect(text).not.toContain('visio.example.be');
		const body = JSON.parse(text) as { events: { title: string; remaining: number }[] };
		expect(body.events.map((e) => e.title)).toEqual([
			'Club des utilisateurs du guichet citoyen',
			'Visite : la gestion de la population à Charleroi'
		]);
		expect(body.events[0].remaining).toBe(27);
	});

	it('pages', async () => {
		const body = (await (
			await (await as(null)).get('/api/v1/events?pageSize=1&page=2')
		).json()) as {
			page: number;
			links: { prev: string | null; next: string | null };
			events: { title: string }[];
		};
		expect(body.page).toBe(2);
		expect(body.events[0].title).toContain('Visite');
		expect(body.links.prev).toContain('page=1');
		expect(body.links.next).toBeNull();
	});
});
