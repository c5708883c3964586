/**
 * Atom feeds on a real SQLite file, parsed by a real XML parser: the public feed holds the public
 * announcements and the catalogue's changes with absolute links, and never a members-only
 * announcement.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/lib/server/db/client';
import {
	announcements,
	contracts,
	notifications,
	organisations,
	users
} from '../../src/lib/server/db/schema';
import {
	feedTokenOf,
	personalFeed,
	publicFeed,
	rotateFeedToken,
	userByFeedToken
} from '../../src/lib/server/relay/feeds';
import { tempDataDir } from '../support/server';

type AtomEntry = {
	id: string;
	title: unknown;
	link: { '@_href': string } | { '@_href': string }[];
};
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' });

function text(v: unknown): string {
	return typeof v === 'object' && v !== null
		? String((v as { '#text': unknown })['#text'])
		: String(v);
}

let centraleId = 0;
let userId = 0;

beforeAll(() => {
	process.env.DATA_DIR = tempDataDir('centrale-relay-feeds-');
	process.env.ORIGIN = 'https://centrale.example';
	process.env.LOG_LEVEL = 'silent';
	const db = getDb();
	centraleId = db
		.insert(organisations)
		.values({ kind: 'intercommunale', name: 'Igretec', searchName: 'igretec', slug: 'igretec' })
		.returning()
		.get().id;
	const base = {
		centraleId,
		body: 'Texte',
		audience: { kind: 'territory' },
		publishedAt: new Date('2026-11-02T09:00:00Z')
	} as const;
	db.insert(announcements)
		.values([
			{ ...base, kind: 'relaunch', title: 'Relance téléphonie', isPublic: true },
			{ ...base, kind: 'general', title: 'Note interne aux membres', isPublic: false }
		])
		.run();
	db.insert(contracts)
		.values({
			reference: 'IGR-2026-07',
			title: 'Logiciel de gestion des salles',
			theme: 'logiciels',
			centraleId,
			procedure: 'open',
			status: 'tendering'
		})
		.run();
	userId = db
		.insert(users)
		.values({
			email: 'agent@seneffe.test',
			name: 'agent',
			role: 'agent',
			organisationId: centraleId,
			passwordHash: 'x'
		})
		.returning()
		.get().id;
	db.insert(notifications)
		.values([
			{ userId, kind: 'announcement', title: 'Relance téléphonie', link: '/annonces/1' },
			{ userId, kind: 'group.session', title: 'Séance du groupe GED', link: '/groupes/3' }
		])
		.run();
});

afterAll(() => closeDb());

describe('public Atom feed', () => {
	it('is well-formed Atom with announcements and catalogue changes, absolute links', () => {
		const xml = publicFeed();
		expect(XMLValidator.validate(xml)).toBe(true);
		const doc = parser.parse(xml);
		expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		const entries = doc.feed.entry as AtomEntry[];
		const titles = entries.map((e) => text(e.title));
		expect(titles).toContain('Relance de marché : Relance téléphonie');
		expect(titles).toContain('Nouveau marché : Logiciel de gestion des salles');
		for (const e of entries) {
			const links = Array.isArray(e.link) ? e.link : [e.link];
			expect(links[0]['@_href']).toMatch(/^https:\/\/centrale\.example\//);
		}
	});

	it('never carries a members-only announcement', () => {
		expect(publicFeed()).not.toContain('Note interne aux membres');
	});
});

describe('personal Atom feed', () => {
	it('lists the inbox with absolute links', () => {
		const doc = parser.parse(personalFeed(userId));
		const entries = doc.feed.entry as AtomEntry[];
		expect(entries.map((e) => text(e.title)).sort()).toEqual([
			'Relance téléphonie',
			'Séance du groupe GED'
		]);
		const hrefs = entries.map((e) => (Array.isArray(e.link) ? e.link[0] : e.link)['@_href']);
		expect(hrefs).toContain('https://centrale.example/groupes/3');
	});

	it('opens only with the current secret: wrong, missing or rotated tokens find nobody', () => {
		const token = feedTokenOf(userId);
		expect(token.length).toBeGreaterThanOrEqual(32);
		expect(userByFeedToken(token)).toBe(userId);
		expect(userByFeedToken(null)).toBeNull();
		expect(userByFeedToken(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
		const fresh = rotateFeedToken(userId);
		expect(fresh).not.toBe(token);
		expect(userByFeedToken(token)).toBeNull();
		expect(userByFeedToken(fresh)).toBe(userId);
	});
});
