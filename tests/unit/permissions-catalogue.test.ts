import { describe, expect, it } from 'vitest';
import { can, type Actor, type ContractRef } from '../../src/lib/domain/permissions';

// organisations: 10 = Charleroi (member), 11 = Tournai, 20 = IGRETEC, 21 = IDEA, 30 = platform
const CHARLEROI = 10;
const TOURNAI = 11;
const IGRETEC = 20;
const IDEA = 21;
const SPW = 40;

const people: Record<string, Actor> = {
	agent: { id: 1, role: 'agent', organisationId: CHARLEROI },
	referent: { id: 2, role: 'referent', organisationId: CHARLEROI },
	buyerIgretec: { id: 3, role: 'buyer', organisationId: IGRETEC },
	buyerIdea: { id: 4, role: 'buyer', organisationId: IDEA },
	admin: { id: 5, role: 'admin', organisationId: 30 }
};
type Who = keyof typeof people | 'anonymous';
const WHO: Who[] = ['anonymous', 'agent', 'referent', 'buyerIgretec', 'buyerIdea', 'admin'];

const igretecContract: ContractRef = { centraleId: IGRETEC, ledByIntercommunale: true };
const spwContract: ContractRef = { centraleId: SPW, ledByIntercommunale: false };

/** each case: an action and resource, and the people who may do it (everyone else may not) */
const CASES: { name: string; check: (user: Actor | null) => boolean; allowed: Who[] }[] = [
	{
		name: 'view prices, own organisation is a member',
		check: (u) => can(u, 'catalogue.viewPrices', { isMember: true }),
		allowed: ['agent', 'referent', 'buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'view prices, own organisation is not a member',
		check: (u) => can(u, 'catalogue.viewPrices', { isMember: false }),
		allowed: ['buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'members-only documents, member',
		check: (u) => can(u, 'catalogue.viewMembersDocuments', { isMember: true }),
		allowed: ['agent', 'referent', 'buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'members-only documents, not a member',
		check: (u) => can(u, 'catalogue.viewMembersDocuments', { isMember: false }),
		allowed: ['buyerIgretec', 'buyerIdea', 'admin']
	},
	...(['contract.declareInterest', 'contract.adhere', 'adhesion.withdraw', 'order.submit'] as const)
		.map((action) => [
			{
				name: `${action} for own commune`,
				check: (u: Actor | null) => can(u, action, { organisationId: CHARLEROI }),
				allowed: ['referent'] as Who[]
			},
			{
				name: `${action} for another commune (a referent cannot act for it)`,
				check: (u: Actor | null) => can(u, action, { organisationId: TOURNAI }),
				allowed: [] as Who[]
			}
		])
		.flat(),
	{
		name: "see own commune's adhesions and orders",
		check: (u) => can(u, 'commune.viewPurchases', { organisationId: CHARLEROI }),
		allowed: ['agent', 'referent', 'buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: "see another commune's adhesions and orders",
		check: (u) => can(u, 'commune.viewPurchases', { organisationId: TOURNAI }),
		allowed: ['buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'create a contract',
		check: (u) => can(u, 'contract.create'),
		allowed: ['buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'correct an adjudicataire (shared by every centrale)',
		check: (u) => can(u, 'supplier.manage'),
		allowed: ['buyerIgretec', 'buyerIdea', 'admin']
	},
	...(['contract.edit', 'contract.transition', 'contract.relaunch', 'order.decide'] as const)
		.map((action) => [
			{
				name: `${action} on a contract led by IGRETEC`,
				check: (u: Actor | null) => can(u, action, igretecContract),
				allowed: ['buyerIgretec', 'admin'] as Who[]
			},
			{
				name: `${action} on a contract of another centrale (SPW)`,
				check: (u: Actor | null) => can(u, action, spwContract),
				allowed: ['buyerIgretec', 'buyerIdea', 'admin'] as Who[]
			}
		])
		.flat()
];

describe('catalogue permissions: every role × action', () => {
	for (const c of CASES) {
		for (const who of WHO) {
			const expected = c.allowed.includes(who);
			it(`${c.name}: ${who} ${expected ? 'may' : 'may not'}`, () => {
				const user = who === 'anonymous' ? null : people[who];
				expect(c.check(user)).toBe(expected);
			});
		}
	}

	it('a referent never commits a commune other than their own, whatever the id', () => {
		for (let id = 1; id < 200; id++) {
			if (id === CHARLEROI) continue;
			expect(can(people.referent, 'order.submit', { organisationId: id })).toBe(false);
			expect(can(people.referent, 'contract.adhere', { organisationId: id })).toBe(false);
		}
	});
});
