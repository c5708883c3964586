import { describe, expect, it } from 'vitest';
import { can, type Actor, type BoardRef } from '../../src/lib/domain/permissions';

const CENTRALE = 10;
const MEMBER_ORG = 20;
const OTHER_COMMUNE = 30;
const OTHER_CENTRALE = 40;

const actors: Record<string, Actor> = {
	memberAgent: { id: 1, role: 'agent', organisationId: MEMBER_ORG },
	memberReferent: { id: 2, role: 'referent', organisationId: MEMBER_ORG },
	centraleBuyer: { id: 3, role: 'buyer', organisationId: CENTRALE },
	admin: { id: 4, role: 'admin', organisationId: 1 },
	outsiderAgent: { id: 5, role: 'agent', organisationId: OTHER_COMMUNE },
	otherBuyer: { id: 6, role: 'buyer', organisationId: OTHER_CENTRALE }
};

const board = (phase: BoardRef['phase'], visibility: BoardRef['visibility']): BoardRef => ({
	groupId: 7,
	centraleId: CENTRALE,
	visibility,
	phase,
	memberOrganisationIds: [MEMBER_ORG]
});

type Access = 'write' | 'read' | 'none';
function access(actor: Actor | null, b: BoardRef): Access {
	if (can(actor, 'board.edit', b)) return 'write';
	return can(actor, 'board.view', b) ? 'read' : 'none';
}

// [actor, phase, access in an open group, access in a members-only group]
const TABLE: [string, BoardRef['phase'], Access, Access][] = [
	['memberAgent', 'collecting', 'write', 'write'],
	['memberAgent', 'prioritising', 'write', 'write'],
	['memberAgent', 'phasing', 'read', 'read'],
	['memberAgent', 'closed', 'read', 'read'],
	['memberReferent', 'collecting', 'write', 'write'],
	['memberReferent', 'prioritising', 'write', 'write'],
	['memberReferent', 'phasing', 'read', 'read'],
	['memberReferent', 'closed', 'read', 'read'],
	['centraleBuyer', 'collecting', 'write', 'write'],
	['centraleBuyer', 'prioritising', 'write', 'write'],
	['centraleBuyer', 'phasing', 'write', 'write'],
	['centraleBuyer', 'closed', 'read', 'read'],
	['admin', 'collecting', 'write', 'write'],
	['admin', 'phasing', 'write', 'write'],
	['admin', 'closed', 'read', 'read'],
	['outsiderAgent', 'collecting', 'read', 'none'],
	['outsiderAgent', 'prioritising', 'read', 'none'],
	['outsiderAgent', 'phasing', 'read', 'none'],
	['outsiderAgent', 'closed', 'read', 'none'],
	['otherBuyer', 'collecting', 'read', 'none'],
	['otherBuyer', 'closed', 'read', 'none']
];

describe('board.view / board.edit', () => {
	it.each(TABLE)(
		'%s in phase %s: open group %s, members-only group %s',
		(who, phase, open, members) => {
			expect(access(actors[who], board(phase, 'open'))).toBe(open);
			expect(access(actors[who], board(phase, 'members'))).toBe(members);
		}
	);

	it('gives nothing to anonymous visitors, even on an open group', () => {
		for (const phase of ['collecting', 'closed'] as const) {
			expect(access(null, board(phase, 'open'))).toBe('none');
		}
	});

	it('follows accepted membership only: an organisation not in the list is an outsider', () => {
		const b = { ...board('collecting', 'members'), memberOrganisationIds: [] };
		expect(access(actors.memberAgent, b)).toBe('none');
		expect(access(actors.centraleBuyer, b)).toBe('write');
	});

	it('never lets someone edit what they cannot view', () => {
		for (const actor of Object.values(actors)) {
			for (const phase of ['collecting', 'prioritising', 'phasing', 'closed'] as const) {
				for (const visibility of ['open', 'members'] as const) {
					const b = board(phase, visibility);
					if (can(actor, 'board.edit', b)) expect(can(actor, 'board.view', b)).toBe(true);
				}
			}
		}
	});
});
