/**
 * No page or API hands out someone else's email address. A crawler signs in as each role, follows
 * every same-site link from the home page and the peer pages (a few pages of each shape), and
 * reads every answer:
 * - visitors and commune people never see the address of anyone outside their own organisation
 *   (a commune's members see each other in the Annuaire, as they did before);
 * - buyers and admins, who read people's addresses in the Annuaire and the administration by
 *   design, see none in the peer pages and APIs (« Qui utilise quoi ? », messages, rencontres).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
let people: { email: string; organisationId: number }[];

const PEER_PATHS = /^\/(qui-utilise-quoi|messages|rencontres|api\/v1\/(usages|events))/;
const START = [
	'/',
	'/qui-utilise-quoi',
	'/messages',
	'/rencontres',
	'/notifications',
	'/api/v1/contracts',
	'/api/v1/usages',
	'/api/v1/events'
];
/** pages of one shape read per role */
const PER_SHAPE = 3;
const MAX_PAGES = 160;

beforeAll(async () => {
	server = await startServer();
	const db = new FixtureDb(server.dataDir);
	people = db.sqlite
		.prepare('select email, organisation_id as organisationId from users')
		.all() as typeof people;
	db.close();
	// a conversation exists, so the messages pages have something to show
	const mons = await new Client(server.url).login('referent@mons.demo');
	const page = await (await mons.get('/qui-utilise-quoi')).text();
	const link = /href="(\/qui-utilise-quoi\/ecrire\/\d+)"/.exec(page)![1];
	const sent = await mons.action(link, { body: 'Bonjour, un retour sur cette solution ?' });
	expect(sent.body.type).toBe('redirect');
});
afterAll(async () => {
	await server?.stop();
});

/** '/catalogue/IGR-2025-EGU-01' and '/catalogue/IDEA-2025-CYB-02' are one shape: 'catalogue/2' */
const shapeOf = (path: string) => {
	const [pathname, query] = path.split('?');
	const segments = pathname.split('/').filter(Boolean);
	return `${segments[0] ?? ''}/${segments.length}${query ? '?' : ''}`;
};

/** every page reachable from START, with its body */
async function crawl(client: Client): Promise<Map<string, string>> {
	const seen = new Map<string, string>();
	const shapes = new Map<string, number>();
	const queue = [...START];
	while (queue.length && seen.size < MAX_PAGES) {
		const path = queue.shift()!;
		if (seen.has(path)) continue;
		const shape = shapeOf(path);
		if ((shapes.get(shape) ?? 0) >= PER_SHAPE) continue;
		shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
		const res = await client.get(path);
		const body = res.status === 200 ? await res.text() : '';
		seen.set(path, body);
		for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
			const target = href.replace(/&amp;/g, '&');
			if (/^\/(logout|_app|favicon)|\?\/|\.(png|svg|ico|webmanifest|pdf|js|css)$/.test(target))
				continue;
			if (!seen.has(target)) queue.push(target);
		}
	}
	return seen;
}

describe('no address leaks', () => {
	it.each([
		[null],
		['agent@tournai.demo'],
		['referent@mons.demo'],
		['agent@charleroi.demo'],
		['acheteur@igretec.demo'],
		['admin@centrale.demo']
	])('as %s', async (email) => {
		const client = new Client(server.url);
		if (email) await client.login(email);
		const me = people.find((p) => p.email === email);
		const readsPeople = !!email && /^(acheteur|admin)@/.test(email);
		const pages = await crawl(client);
		expect(pages.size).toBeGreaterThan(10);
		const leaks: string[] = [];
		for (const [path, body] of pages) {
			if (readsPeople && !PEER_PATHS.test(path)) continue;
			for (const person of people) {
				if (person.email === email) continue;
				if (!readsPeople && me && person.organisationId === me.organisationId) continue;
				if (body.includes(person.email)) leaks.push(`${path}: ${person.email}`);
			}
		}
		expect(leaks).toEqual([]);
		// the peer pages were read
		expect([...pages.keys()].some((p) => p.startsWith('/qui-utilise-quoi'))).toBe(true);
	});
});
