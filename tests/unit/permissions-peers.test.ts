import { describe, expect, it } from 'vitest';
import { can, type Actor, type OrganisationRef } from '../../src/lib/domain/permissions';
import type { OrganisationKind } from '../../src/lib/domain/roles';

const TOURNAI = 11;
const MONS = 12;
const IGRETEC = 20;
const IDEA = 21;

const people: Record<string, Actor> = {
	agentTournai: { id: 1, role: 'agent', organisationId: TOURNAI },
	referentTournai: { id: 2, role: 'referent', organisationId: TOURNAI },
	referentMons: { id: 3, role: 'referent', organisationId: MONS },
	buyerIgretec: { id: 4, role: 'buyer', organisationId: IGRETEC },
	buyerIdea: { id: 5, role: 'buyer', organisationId: IDEA },
	admin: { id: 6, role: 'admin', organisationId: 30 }
};
type Who = keyof typeof people | 'anonymous';
const WHO: Who[] = ['anonymous', ...(Object.keys(people) as Who[])];

const tournai = (kind: OrganisationKind = 'commune'): OrganisationRef => ({
	organisationId: TOURNAI,
	kind
});

/** each case: an action and resource, and the people who may do it (everyone else may not) */
const CASES: { name: string; check: (user: Actor | null) => boolean; allowed: Who[] }[] = [
	{
		name: 'declare what Tournai uses',
		check: (u) => can(u, 'usage.declare', tournai()),
		allowed: ['agentTournai', 'referentTournai']
	},
	{
		name: 'declare what a CPAS uses',
		check: (u) => can(u, 'usage.declare', tournai('cpas')),
		allowed: ['agentTournai', 'referentTournai']
	},
	{
		name: 'declare usages for an intercommunale',
		check: (u) => can(u, 'usage.declare', { organisationId: IGRETEC, kind: 'intercommunale' }),
		allowed: []
	},
	{
		name: 'see usages without contact consent',
		check: (u) => can(u, 'usage.viewAll'),
		allowed: [
			'agentTournai',
			'referentTournai',
			'referentMons',
			'buyerIgretec',
			'buyerIdea',
			'admin'
		]
	},
	{
		name: 'write to the users of a solution at Tournai',
		check: (u) => can(u, 'peer.contact', { organisationId: TOURNAI }),
		allowed: ['referentMons', 'buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'reply in a conversation one takes part in',
		check: (u) => can(u, 'peer.reply', { participant: true }),
		allowed: [
			'agentTournai',
			'referentTournai',
			'referentMons',
			'buyerIgretec',
			'buyerIdea',
			'admin'
		]
	},
	{
		name: 'reply in someone else’s conversation',
		check: (u) => can(u, 'peer.reply', { participant: false }),
		allowed: []
	},
	{
		name: 'report a message by the Mons referent, as a participant',
		check: (u) => can(u, 'peer.reportAbuse', { participant: true, authorId: 3 }),
		allowed: ['agentTournai', 'referentTournai', 'buyerIgretec', 'buyerIdea', 'admin']
	},
	{
		name: 'report a message of a conversation one is not in',
		check: (u) => can(u, 'peer.reportAbuse', { participant: false, authorId: 3 }),
		allowed: []
	},
	{
		name: 'review abuse reports',
		check: (u) => can(u, 'abuse.review'),
		allowed: ['admin']
	},
	{
		name: 'publish a rencontre',
		check: (u) => can(u, 'event.publish'),
		allowed: ['referentTournai', 'referentMons', 'buyerIgretec', 'buyerIdea']
	},
	{
		name: 'manage a rencontre published by the IGRETEC buyer',
		check: (u) => can(u, 'event.manage', { organiserId: 4, organiserOrganisationId: IGRETEC }),
		allowed: ['buyerIgretec', 'admin']
	},
	{
		name: 'manage a rencontre published by a former IGRETEC buyer',
		check: (u) => can(u, 'event.manage', { organiserId: 99, organiserOrganisationId: IGRETEC }),
		allowed: ['buyerIgretec', 'admin']
	},
	{
		name: 'manage a rencontre published by the Tournai referent',
		check: (u) => can(u, 'event.manage', { organiserId: 2, organiserOrganisationId: TOURNAI }),
		allowed: ['referentTournai', 'admin']
	},
	{
		name: 'register Tournai’s participants',
		check: (u) => can(u, 'event.register', tournai()),
		allowed: ['agentTournai', 'referentTournai']
	},
	{
		name: 'register an intercommunale’s participants',
		check: (u) => can(u, 'event.register', { organisationId: IGRETEC, kind: 'intercommunale' }),
		allowed: []
	},
	{
		name: 'see a rencontre’s video link, minutes and slides',
		check: (u) => can(u, 'event.viewMembersDetails'),
		allowed: [
			'agentTournai',
			'referentTournai',
			'referentMons',
			'buyerIgretec',
			'buyerIdea',
			'admin'
		]
	}
];

describe('peer exchange rights', () => {
	for (const c of CASES)
		it.each(WHO)(`${c.name}: %s`, (who) => {
			const user = who === 'anonymous' ? null : people[who];
			expect(c.check(user)).toBe(c.allowed.includes(who));
		});
});
