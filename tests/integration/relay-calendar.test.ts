/**
 * A person's iCalendar of dates, on a real SQLite file, parsed by a real iCal parser (ical.js):
 * announcement deadlines of their organisation, contract ends of its adhesions (withdrawn ones
 * left out), its budget calendar votes; all-day Brussels dates; wrong or rotated secret → null.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/lib/server/db/client';
import {
	adhesions,
	announcementReceipts,
	announcements,
	budgetCalendars,
	contracts,
	organisations,
	users
} from '../../src/lib/server/db/schema';
import { calendarForFeedToken } from '../../src/lib/server/relay/calendar';
import { feedTokenOf, rotateFeedToken } from '../../src/lib/server/relay/feeds';
import { tempDataDir } from '../support/server';

let userId = 0;

beforeAll(() => {
	process.env.DATA_DIR = tempDataDir('centrale-relay-ical-');
	process.env.ORIGIN = 'https://centrale.example';
	process.env.LOG_LEVEL = 'silent';
	const db = getDb();
	const [centraleId, communeId] = ['igretec', 'seneffe'].map(
		(slug, i) =>
			db
				.insert(organisations)
				.values({
					kind: i ? 'commune' : 'intercommunale',
					name: slug,
					searchName: slug,
					slug
				})
				.returning()
				.get().id
	);
	userId = db
		.insert(users)
		.values({
			email: 'ref@seneffe.test',
			name: 'ref',
			role: 'referent',
			organisationId: communeId,
			passwordHash: 'x'
		})
		.returning()
		.get().id;
	const contract = (reference: string, endDate: string) =>
		db
			.insert(contracts)
			.values({
				reference,
				title: `Marché ${reference}`,
				theme: 'logiciels',
				centraleId,
				procedure: 'open',
				status: 'active',
				endDate
			})
			.returning()
			.get().id;
	const kept = contract('IGR-1', '2027-06-30');
	const withdrawn = contract('IGR-2', '2027-09-30');
	db.insert(adhesions)
		.values([
			{
				contractId: kept,
				organisationId: communeId,
				decisionReference: 'CB-1',
				decisionDate: '2026-01-10'
			},
			{
				contractId: withdrawn,
				organisationId: communeId,
				decisionReference: 'CB-2',
				decisionDate: '2026-01-10',
				withdrawnAt: new Date('2026-05-01T00:00:00Z')
			}
		])
		.run();
	const ann = db
		.insert(announcements)
		.values({
			centraleId,
			kind: 'deadline',
			title: 'Intérêt pour la GED',
			body: 'x',
			deadline: '2026-12-18',
			audience: { kind: 'territory' },
			publishedAt: new Date('2026-11-02T09:00:00Z')
		})
		.returning()
		.get().id;
	db.insert(announcementReceipts).values({ announcementId: ann, organisationId: communeId }).run();
	db.insert(budgetCalendars)
		.values({
			organisationId: communeId,
			year: 2027,
			initialVote: '2026-12-21',
			mb2: '2027-10-25',
			updatedAt: new Date('2026-10-01T00:00:00Z')
		})
		.run();
});

afterAll(() => closeDb());

describe('personal iCalendar', () => {
	it('parses with ical.js and holds the dates that concern the commune, as all-day dates', () => {
		const text = calendarForFeedToken(feedTokenOf(userId))!;
		const cal = new ICAL.Component(ICAL.parse(text));
		expect(cal.getFirstPropertyValue('version')).toBe('2.0');
		expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Brussels');
		const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
		expect(Object.keys(byTitle).sort()).toEqual([
			'Budget initial 2027 : vote au conseil',
			'Date limite : Intérêt pour la GED',
			'Fin du marché IGR-1 : Marché IGR-1',
			'Modification budgétaire n° 2 2027 : vote au conseil'
		]);
		const end = byTitle['Fin du marché IGR-1 : Marché IGR-1'];
		expect(end.startDate.isDate).toBe(true);
		expect(end.startDate.toString()).toBe('2027-06-30');
		expect(end.endDate.toString()).toBe('2027-07-01');
		expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
	});

	it('answers nothing for a wrong or a rotated secret', () => {
		const old = feedTokenOf(userId);
		expect(calendarForFeedToken('nope')).toBeNull();
		expect(calendarForFeedToken(null)).toBeNull();
		rotateFeedToken(userId);
		expect(calendarForFeedToken(old)).toBeNull();
		expect(calendarForFeedToken(feedTokenOf(userId))).toContain('BEGIN:VCALENDAR');
	});
});
