/**
 * A commune's iCalendar on a real SQLite file, parsed by ical.js: the ends of its adhesions, the
 * interest and tender deadlines of the centrales that serve it (not of others), its budget votes,
 * its groups' sessions with their Brussels time, the rencontres it registered to (not cancelled
 * ones); a wrong or replaced secret opens nothing.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/lib/server/db/client';
import {
	adhesions,
	budgetCalendars,
	contracts,
	groupMembers,
	groupSessions,
	organisations,
	peerEventRegistrations,
	peerEvents,
	territories,
	workingGroups
} from '../../src/lib/server/db/schema';
import {
	communeCalendarForToken,
	communeFeedToken,
	rotateCommuneFeedToken
} from '../../src/lib/server/relay/commune-calendar';
import { tempDataDir } from '../support/server';

const org: Record<string, number> = {};

beforeAll(() => {
	process.env.DATA_DIR = tempDataDir('centrale-relay-commune-ical-');
	process.env.ORIGIN = 'https://centrale.example';
	process.env.LOG_LEVEL = 'silent';
	const db = getDb();
	for (const [slug, kind] of [
		['igretec', 'intercommunale'],
		['ideta', 'intercommunale'],
		['seneffe', 'commune'],
		['tournai', 'commune']
	] as const)
		org[slug] = db
			.insert(organisations)
			.values({ kind, name: slug, searchName: slug, slug })
			.returning()
			.get().id;
	db.insert(territories)
		.values([
			{ communeId: org.seneffe, intercommunaleId: org.igretec },
			{ communeId: org.tournai, intercommunaleId: org.ideta }
		])
		.run();
	const contract = (
		reference: string,
		centrale: number,
		values: Partial<typeof contracts.$inferInsert>
	) =>
		db
			.insert(contracts)
			.values({
				reference,
				title: `Marché ${reference}`,
				theme: 'cybersecurite',
				centraleId: centrale,
				procedure: 'open',
				status: 'active',
				...values
			})
			.returning()
			.get().id;
	const used = contract('IGR-1', org.igretec, { endDate: '2027-06-30' });
	contract('IGR-2', org.igretec, {
		status: 'planned',
		interestDeadline: '2027-02-15',
		tenderCloseDate: '2027-04-01'
	});
	contract('IDT-1', org.ideta, { status: 'planned', interestDeadline: '2027-02-20' });
	db.insert(adhesions)
		.values({
			contractId: used,
			organisationId: org.seneffe,
			decisionReference: 'CC-1',
			decisionDate: '2026-01-10'
		})
		.run();
	db.insert(budgetCalendars)
		.values({
			organisationId: org.seneffe,
			year: 2027,
			initialVote: '2026-12-21',
			mb1: '2027-05-24',
			updatedAt: new Date('2026-10-01T00:00:00Z')
		})
		.run();
	const group = db
		.insert(workingGroups)
		.values({
			title: 'GED',
			theme: 'gestion-documentaire',
			visibility: 'open',
			centraleId: org.igretec,
			phase: 'collecting',
			createdAt: new Date('2026-09-01T00:00:00Z')
		})
		.returning()
		.get().id;
	db.insert(groupMembers)
		.values({ groupId: group, organisationId: org.seneffe, status: 'member', at: new Date() })
		.run();
	db.insert(groupSessions)
		.values({
			groupId: group,
			title: 'Séance de lancement',
			// 14:00 in Brussels (winter time, UTC+1)
			startsAt: new Date('2027-01-20T13:00:00Z'),
			durationMinutes: 90,
			place: 'Charleroi'
		})
		.run();
	const event = (title: string, cancelledAt: Date | null) =>
		db
			.insert(peerEvents)
			.values({
				title,
				startsAt: new Date('2027-03-10T08:30:00Z'),
				endsAt: new Date('2027-03-10T11:30:00Z'),
				capacity: 30,
				organiserOrganisationId: org.igretec,
				cancelledAt
			})
			.returning()
			.get().id;
	for (const id of [event('Club GED', null), event('Annulée', new Date())])
		db.insert(peerEventRegistrations)
			.values({ eventId: id, organisationId: org.seneffe, participants: 2 })
			.run();
});

afterAll(() => closeDb());

describe("a commune's iCalendar", () => {
	it('parses with ical.js and holds the commune’s dates, sessions at their Brussels time', () => {
		const text = communeCalendarForToken(communeFeedToken(org.seneffe))!;
		const cal = new ICAL.Component(ICAL.parse(text));
		expect(cal.getFirstPropertyValue('version')).toBe('2.0');
		const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
		expect(Object.keys(byTitle).sort()).toEqual([
			'Budget initial 2027 : vote au conseil',
			'Fin du marché IGR-1 : Marché IGR-1',
			'GED : Séance de lancement',
			'Intérêt à manifester : IGR-2 Marché IGR-2',
			'Modification budgétaire n° 1 2027 : vote au conseil',
			'Remise des offres : IGR-2 Marché IGR-2',
			'Rencontre : Club GED'
		]);
		const session = byTitle['GED : Séance de lancement'];
		expect(session.startDate.isDate).toBe(false);
		expect(session.startDate.toJSDate().toISOString()).toBe('2027-01-20T13:00:00.000Z');
		expect(session.location).toBe('Charleroi');
		expect(byTitle['Intérêt à manifester : IGR-2 Marché IGR-2'].startDate.toString()).toBe(
			'2027-02-15'
		);
		expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
	});

	it('opens nothing for a wrong or a replaced secret, and each commune has its own', () => {
		const old = communeFeedToken(org.seneffe);
		expect(communeFeedToken(org.tournai)).not.toBe(old);
		expect(communeCalendarForToken('nope')).toBeNull();
		expect(communeCalendarForToken(null)).toBeNull();
		rotateCommuneFeedToken(org.seneffe);
		expect(communeCalendarForToken(old)).toBeNull();
		expect(communeCalendarForToken(communeFeedToken(org.seneffe))).toContain('BEGIN:VCALENDAR');
	});
});
