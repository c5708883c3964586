import { describe, expect, it } from 'vitest';
import { can, type Actor } from '../../src/lib/domain/permissions';
import type { OrganisationKind, Role } from '../../src/lib/domain/roles';

// organisation ids: 10 Charleroi, 11 Mons (communes), 20 IGRETEC (intercommunale), 1 platform
const CHARLEROI = 10;
const MONS = 11;
const IGRETEC = 20;
const PLATFORM = 1;

const actors: Record<string, Actor> = {
	agentCharleroi: { id: 1, role: 'agent', organisationId: CHARLEROI },
	referentCharleroi: { id: 2, role: 'referent', organisationId: CHARLEROI },
	referentMons: { id: 3, role: 'referent', organisationId: MONS },
	buyer: { id: 4, role: 'buyer', organisationId: IGRETEC },
	admin: { id: 5, role: 'admin', organisationId: PLATFORM }
};
type Who = keyof typeof actors | 'anonymous';
const actor = (who: Who) => (who === 'anonymous' ? null : actors[who]);

const invite = (organisationId: number, kind: OrganisationKind, role: Role) => ({
	organisationId,
	kind,
	role
});

describe('can(user, "user.invite", …)', () => {
	const table: [Who, ReturnType<typeof invite>, boolean, string][] = [
		['anonymous', invite(CHARLEROI, 'commune', 'agent'), false, 'nobody anonymous invites'],
		['agentCharleroi', invite(CHARLEROI, 'commune', 'agent'), false, 'agents do not invite'],
		[
			'referentCharleroi',
			invite(CHARLEROI, 'commune', 'agent'),
			true,
			'referent invites agents of own commune'
		],
		[
			'referentCharleroi',
			invite(CHARLEROI, 'commune', 'referent'),
			false,
			'referent cannot create referents'
		],
		[
			'referentCharleroi',
			invite(MONS, 'commune', 'agent'),
			false,
			'a referent cannot act for another commune'
		],
		[
			'referentMons',
			invite(CHARLEROI, 'commune', 'agent'),
			false,
			'a referent cannot act for another commune'
		],
		[
			'referentCharleroi',
			invite(IGRETEC, 'intercommunale', 'buyer'),
			false,
			'referent cannot create buyers'
		],
		['buyer', invite(MONS, 'commune', 'referent'), true, 'buyers invite commune people'],
		['buyer', invite(IGRETEC, 'intercommunale', 'buyer'), true, 'buyers invite fellow buyers'],
		['buyer', invite(PLATFORM, 'platform', 'admin'), false, 'buyers never create admins'],
		['admin', invite(PLATFORM, 'platform', 'admin'), true, 'admins invite admins'],
		['admin', invite(MONS, 'commune', 'agent'), true, 'admins invite anyone'],
		['admin', invite(MONS, 'commune', 'buyer'), false, 'no buyer inside a commune'],
		[
			'admin',
			invite(IGRETEC, 'intercommunale', 'referent'),
			false,
			'no referent inside an intercommunale'
		]
	];
	it.each(table)('%s → %o is %s (%s)', (who, resource, expected) => {
		expect(can(actor(who), 'user.invite', resource)).toBe(expected);
	});
});

describe('sending invitations at all, and following them', () => {
	// [actor, invitation.send, invitation.viewAll]
	it.each<[Who, boolean, boolean]>([
		['anonymous', false, false],
		['agentCharleroi', false, false],
		['referentCharleroi', true, false],
		['referentMons', true, false],
		['buyer', true, true],
		['admin', true, true]
	])('%s: send %s, follow every open invitation %s', (who, send, viewAll) => {
		expect(can(actor(who), 'invitation.send')).toBe(send);
		expect(can(actor(who), 'invitation.viewAll')).toBe(viewAll);
	});

	it('lets nobody invite anyone into any organisation without invitation.send', () => {
		const kinds: [number, OrganisationKind][] = [
			[CHARLEROI, 'commune'],
			[MONS, 'commune'],
			[IGRETEC, 'intercommunale'],
			[PLATFORM, 'platform']
		];
		const roles: Role[] = ['agent', 'referent', 'buyer', 'admin'];
		for (const who of Object.keys(actors) as Who[]) {
			const invitesSomeone = kinds.some(([id, kind]) =>
				roles.some((role) => can(actor(who), 'user.invite', invite(id, kind, role)))
			);
			expect(invitesSomeone).toBe(can(actor(who), 'invitation.send'));
		}
	});
});

describe('can(user, "organisation.viewMembers", …)', () => {
	const table: [Who, number, boolean][] = [
		['anonymous', CHARLEROI, false],
		['agentCharleroi', CHARLEROI, true],
		['agentCharleroi', MONS, false],
		['referentCharleroi', CHARLEROI, true],
		['referentMons', CHARLEROI, false],
		['buyer', MONS, true],
		['admin', MONS, true]
	];
	it.each(table)('%s sees the people of organisation %i: %s', (who, organisationId, expected) => {
		expect(can(actor(who), 'organisation.viewMembers', { organisationId })).toBe(expected);
	});
});

describe('can(user, "user.manage", …)', () => {
	const table: [Who, { organisationId: number; role: Role; userId: number }, boolean][] = [
		['anonymous', { organisationId: CHARLEROI, role: 'agent', userId: 1 }, false],
		['agentCharleroi', { organisationId: CHARLEROI, role: 'agent', userId: 99 }, false],
		['referentCharleroi', { organisationId: CHARLEROI, role: 'agent', userId: 1 }, true],
		['referentCharleroi', { organisationId: CHARLEROI, role: 'referent', userId: 98 }, false],
		['referentCharleroi', { organisationId: MONS, role: 'agent', userId: 97 }, false],
		['referentCharleroi', { organisationId: CHARLEROI, role: 'referent', userId: 2 }, false],
		['buyer', { organisationId: MONS, role: 'agent', userId: 97 }, false],
		['admin', { organisationId: MONS, role: 'referent', userId: 3 }, true],
		['admin', { organisationId: PLATFORM, role: 'admin', userId: 5 }, false]
	];
	it.each(table)('%s manages %o: %s', (who, resource, expected) => {
		expect(can(actor(who), 'user.manage', resource)).toBe(expected);
	});
});

describe('admin-only actions', () => {
	const whos: Who[] = [
		'anonymous',
		'agentCharleroi',
		'referentCharleroi',
		'referentMons',
		'buyer',
		'admin'
	];
	it.each(whos)(
		'%s: organisation.manage, user.listAll, outbox.read, audit.read and backup.manage only for admins',
		(who) => {
			const expected = who === 'admin';
			expect(can(actor(who), 'organisation.manage')).toBe(expected);
			expect(can(actor(who), 'user.listAll')).toBe(expected);
			expect(can(actor(who), 'outbox.read')).toBe(expected);
			expect(can(actor(who), 'audit.read')).toBe(expected);
			expect(can(actor(who), 'backup.manage')).toBe(expected);
		}
	);
	it.each(whos)('%s: user.changeRole only for admins, never on themselves', (who) => {
		expect(can(actor(who), 'user.changeRole', { userId: 3 })).toBe(who === 'admin');
		expect(can(actor(who), 'user.changeRole', { userId: 5 })).toBe(false);
	});
});
