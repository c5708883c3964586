import { describe, expect, it } from 'vitest';
import { can, type Actor } from '../../src/lib/domain/permissions';

const CHARLEROI = 10;
const TOURNAI = 11;
const IGRETEC = 20;
const IDEA = 21;

const people: Record<string, Actor> = {
	agent: { id: 1, role: 'agent', organisationId: CHARLEROI },
	referent: { id: 2, role: 'referent', organisationId: CHARLEROI },
	buyerIgretec: { id: 3, role: 'buyer', organisationId: IGRETEC },
	buyerIdea: { id: 4, role: 'buyer', organisationId: IDEA },
	admin: { id: 5, role: 'admin', organisationId: 30 }
};
type Who = keyof typeof people | 'anonymous';
const WHO: Who[] = ['anonymous', 'agent', 'referent', 'buyerIgretec', 'buyerIdea', 'admin'];

const CASES: { name: string; check: (user: Actor | null) => boolean; allowed: Who[] }[] = [
	{
		name: "read Charleroi's calendar address",
		check: (u) => can(u, 'communeCalendar.read', { organisationId: CHARLEROI, kind: 'commune' }),
		allowed: ['agent', 'referent']
	},
	{
		name: "replace Charleroi's calendar address",
		check: (u) => can(u, 'communeCalendar.rotate', { organisationId: CHARLEROI, kind: 'commune' }),
		allowed: ['referent']
	},
	{
		name: "read a centrale's calendar address (it has no budget calendar)",
		check: (u) =>
			can(u, 'communeCalendar.read', { organisationId: IGRETEC, kind: 'intercommunale' }),
		allowed: []
	},
	{
		name: 'follow something one may read',
		check: (u) => can(u, 'subject.follow', { readable: true }),
		allowed: ['agent', 'referent', 'buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'follow something one may not read (a members-only group)',
		check: (u) => can(u, 'subject.follow', { readable: false }),
		allowed: []
	},
	{
		name: "publish in IGRETEC's name",
		check: (u) => can(u, 'announcement.publish', { centraleId: IGRETEC }),
		allowed: ['buyerIgretec']
	},
	{
		name: "see who acknowledged IGRETEC's announcement",
		check: (u) => can(u, 'announcement.viewReceipts', { centraleId: IGRETEC }),
		allowed: ['buyerIgretec', 'admin']
	},
	{
		name: 'acknowledge for Charleroi, any member may',
		check: (u) =>
			can(u, 'announcement.acknowledge', { organisationId: CHARLEROI, ackByReferent: false }),
		allowed: ['agent', 'referent']
	},
	{
		name: 'acknowledge for Charleroi, the referent only',
		check: (u) =>
			can(u, 'announcement.acknowledge', { organisationId: CHARLEROI, ackByReferent: true }),
		allowed: ['referent']
	},
	{
		name: 'acknowledge for another commune',
		check: (u) =>
			can(u, 'announcement.acknowledge', { organisationId: TOURNAI, ackByReferent: false }),
		allowed: []
	}
];

describe('relay permissions', () => {
	for (const c of CASES) {
		it.each(WHO)(`${c.name}: %s`, (who) => {
			const user = who === 'anonymous' ? null : people[who];
			expect(c.check(user)).toBe(c.allowed.includes(who));
		});
	}
});
