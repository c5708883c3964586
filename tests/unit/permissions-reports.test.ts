import { describe, expect, it } from 'vitest';
import { can, type Actor, type ReportRef } from '../../src/lib/domain/permissions';

const COMMUNE = 20;
const OTHER_COMMUNE = 30;
const CENTRALE = 10;
const OTHER_CENTRALE = 40;

const actors: Record<string, Actor> = {
	agent: { id: 1, role: 'agent', organisationId: COMMUNE },
	referent: { id: 2, role: 'referent', organisationId: COMMUNE },
	coAuthor: { id: 3, role: 'agent', organisationId: OTHER_COMMUNE },
	outsider: { id: 4, role: 'referent', organisationId: OTHER_COMMUNE },
	buyer: { id: 5, role: 'buyer', organisationId: CENTRALE },
	otherBuyer: { id: 6, role: 'buyer', organisationId: OTHER_CENTRALE },
	admin: { id: 7, role: 'admin', organisationId: 1 }
};

const report = (status: ReportRef['status'], contractCentraleId: number | null = CENTRALE) => ({
	organisationId: COMMUNE,
	status,
	coAuthorIds: [actors.coAuthor.id],
	contractCentraleId
});

type Row = [
	string,
	ReportRef['status'],
	read: boolean,
	edit: boolean,
	publish: boolean,
	reply: boolean
];
const TABLE: Row[] = [
	['agent', 'draft', true, true, true, false],
	['agent', 'published', true, true, true, false],
	['referent', 'draft', true, true, true, false],
	['referent', 'published', true, true, true, false],
	['coAuthor', 'draft', true, true, false, false],
	['coAuthor', 'published', true, true, false, false],
	['outsider', 'draft', false, false, false, false],
	['outsider', 'published', true, false, false, false],
	['buyer', 'draft', false, false, false, false],
	['buyer', 'published', true, false, false, true],
	['otherBuyer', 'draft', false, false, false, false],
	['otherBuyer', 'published', true, false, false, false],
	['admin', 'draft', false, false, false, false],
	['admin', 'published', true, false, false, true]
];

describe('report.read / edit / publish / reply', () => {
	it.each(TABLE)(
		'%s on a %s report: read %s, edit %s, publish %s, reply %s',
		(who, status, ...rights) => {
			const r = report(status);
			const actor = actors[who];
			expect([
				can(actor, 'report.read', r),
				can(actor, 'report.edit', r),
				can(actor, 'report.publish', r),
				can(actor, 'report.reply', r)
			]).toEqual(rights);
		}
	);

	it('lets any buyer answer a published report on a solution bought elsewhere', () => {
		expect(can(actors.otherBuyer, 'report.reply', report('published', null))).toBe(true);
		expect(can(actors.otherBuyer, 'report.reply', report('draft', null))).toBe(false);
	});

	it('gives nothing to anonymous visitors on a members-only report', () => {
		for (const action of ['report.read', 'report.edit', 'report.publish', 'report.reply'] as const)
			expect(can(null, action, report('published'))).toBe(false);
	});

	it('lets a visitor read a public published report, and nothing more', () => {
		const open = { ...report('published'), isPublic: true };
		expect(can(null, 'report.read', open)).toBe(true);
		expect(can(undefined, 'report.read', open)).toBe(true);
		for (const action of ['report.edit', 'report.publish', 'report.reply'] as const)
			expect(can(null, action, open)).toBe(false);
		// a draft stays its authors' even if the public flag was set by an earlier publication
		expect(can(null, 'report.read', { ...report('draft'), isPublic: true })).toBe(false);
		expect(can(null, 'report.read', { ...report('published'), isPublic: false })).toBe(false);
	});

	it('gives visitors nothing outside reports', () => {
		expect(can(null, 'usage.viewAll')).toBe(false);
		expect(can(null, 'event.viewMembersDetails')).toBe(false);
	});

	it('never lets someone edit or publish what they cannot read', () => {
		for (const actor of Object.values(actors))
			for (const status of ['draft', 'published'] as const) {
				const r = report(status);
				if (can(actor, 'report.edit', r) || can(actor, 'report.publish', r))
					expect(can(actor, 'report.read', r)).toBe(true);
			}
	});
});

describe('report.create', () => {
	const commune = { organisationId: COMMUNE, kind: 'commune' as const };
	it.each([
		['agent', true],
		['referent', true],
		['outsider', false],
		['coAuthor', false],
		['buyer', false],
		['admin', false]
	])('%s for the commune: %s', (who, allowed) => {
		expect(can(actors[who], 'report.create', commune)).toBe(allowed);
	});

	it('is for local authorities that buy, not for a centrale', () => {
		const centrale = { organisationId: CENTRALE, kind: 'intercommunale' as const };
		expect(can(actors.buyer, 'report.create', centrale)).toBe(false);
	});
});

describe('report.manageAuthors', () => {
	it.each([
		['agent', true],
		['referent', true],
		// an invited co-author writes, but does not bring others in: the commune decides who speaks
		['coAuthor', false],
		['outsider', false],
		['buyer', false],
		['admin', false]
	])('%s may invite and remove co-authors: %s', (who, expected) => {
		expect(can(actors[who], 'report.manageAuthors', report('draft'))).toBe(expected);
	});
});

describe('report.coWrite (who may be invited)', () => {
	it.each([
		['agent', false],
		['referent', false],
		['coAuthor', true],
		['outsider', true],
		['buyer', true],
		['admin', false]
	])('%s: %s', (who, expected) => {
		expect(can(actors[who], 'report.coWrite', report('draft'))).toBe(expected);
	});
});
