import { describe, expect, it } from 'vitest';
import { PHASES, type Phase } from '../../src/lib/domain/boards/phases';
import { can, type Actor, type GroupRef } from '../../src/lib/domain/permissions';

const CENTRALE = 10;
const COMMUNE = 20;

/** each actor with their organisation's standing in the group */
const actors: Record<string, { actor: Actor; memberStatus: GroupRef['memberStatus'] }> = {
	memberAgent: { actor: { id: 1, role: 'agent', organisationId: COMMUNE }, memberStatus: 'member' },
	memberReferent: {
		actor: { id: 2, role: 'referent', organisationId: COMMUNE },
		memberStatus: 'member'
	},
	outsiderReferent: { actor: { id: 3, role: 'referent', organisationId: 30 }, memberStatus: null },
	centraleBuyer: { actor: { id: 4, role: 'buyer', organisationId: CENTRALE }, memberStatus: null },
	otherBuyer: { actor: { id: 5, role: 'buyer', organisationId: 99 }, memberStatus: null },
	admin: { actor: { id: 6, role: 'admin', organisationId: 1 }, memberStatus: null }
};

const group = (
	phase: Phase,
	memberStatus: GroupRef['memberStatus'],
	over: Partial<GroupRef> = {}
): GroupRef => ({
	centraleId: CENTRALE,
	visibility: 'open',
	phase,
	memberStatus,
	agentsMayVote: false,
	...over
});

// [actor, phase, vote, view the ranking, plan waves, promote needs to a contract], in an open group
const TABLE: [string, Phase, boolean, boolean, boolean, boolean][] = [
	['memberAgent', 'collecting', false, true, false, false],
	['memberAgent', 'prioritising', false, false, false, false],
	['memberAgent', 'phasing', false, true, false, false],
	['memberAgent', 'closed', false, true, false, false],
	['memberReferent', 'collecting', false, true, false, false],
	['memberReferent', 'prioritising', true, false, false, false],
	['memberReferent', 'phasing', false, true, false, false],
	['memberReferent', 'closed', false, true, false, false],
	['outsiderReferent', 'collecting', false, true, false, false],
	['outsiderReferent', 'prioritising', false, false, false, false],
	['outsiderReferent', 'phasing', false, true, false, false],
	['outsiderReferent', 'closed', false, true, false, false],
	['centraleBuyer', 'collecting', false, true, false, false],
	['centraleBuyer', 'prioritising', false, true, false, false],
	['centraleBuyer', 'phasing', false, true, true, true],
	['centraleBuyer', 'closed', false, true, false, true],
	['otherBuyer', 'collecting', false, true, false, false],
	['otherBuyer', 'prioritising', false, false, false, false],
	['otherBuyer', 'phasing', false, true, false, false],
	['otherBuyer', 'closed', false, true, false, false],
	['admin', 'collecting', false, true, false, false],
	['admin', 'prioritising', false, true, false, false],
	['admin', 'phasing', false, true, true, true],
	['admin', 'closed', false, true, false, true]
];

describe('what each phase of a group allows, per role', () => {
	it.each(TABLE)(
		'%s in phase %s: vote %s, ranking %s, waves %s, promote %s',
		(who, phase, vote, ranking, waves, promote) => {
			const { actor, memberStatus } = actors[who];
			const g = group(phase, memberStatus);
			expect(can(actor, 'group.vote', g)).toBe(vote);
			expect(can(actor, 'group.viewRanking', g)).toBe(ranking);
			expect(can(actor, 'group.planWaves', g)).toBe(waves);
			expect(can(actor, 'group.promote', g)).toBe(promote);
		}
	);

	it('covers every actor in every phase', () => {
		for (const who of Object.keys(actors))
			for (const phase of PHASES)
				expect(TABLE.some(([w, p]) => w === who && p === phase)).toBe(true);
	});

	it.each(PHASES)('lets member agents vote in phase %s only when the group allows it', (phase) => {
		const { actor } = actors.memberAgent;
		expect(can(actor, 'group.vote', group(phase, 'member', { agentsMayVote: true }))).toBe(
			phase === 'prioritising'
		);
	});

	it('shows the ranking of a members-only group to its members and runners only', () => {
		const closed = (who: string) =>
			can(
				actors[who].actor,
				'group.viewRanking',
				group('closed', actors[who].memberStatus, { visibility: 'members' })
			);
		expect(closed('memberAgent')).toBe(true);
		expect(closed('centraleBuyer')).toBe(true);
		expect(closed('admin')).toBe(true);
		expect(closed('outsiderReferent')).toBe(false);
		expect(closed('otherBuyer')).toBe(false);
	});

	it('gives none of these to anonymous visitors', () => {
		for (const phase of PHASES) {
			const g = group(phase, null);
			expect(can(null, 'group.vote', g)).toBe(false);
			expect(can(null, 'group.viewRanking', g)).toBe(false);
			expect(can(null, 'group.planWaves', g)).toBe(false);
			expect(can(undefined, 'group.promote', g)).toBe(false);
			expect(can(undefined, 'group.readFeedToken', { ...g, visibility: 'members' })).toBe(false);
		}
	});

	it('never lets someone plan or promote a group they do not run, nor vote or rank unseen', () => {
		for (const { actor, memberStatus } of Object.values(actors))
			for (const phase of PHASES)
				for (const visibility of ['open', 'members'] as const) {
					const g = group(phase, memberStatus, { visibility, agentsMayVote: true });
					const manages = can(actor, 'group.manage', g);
					const sees = can(actor, 'group.view', g);
					if (can(actor, 'group.planWaves', g)) expect(manages).toBe(true);
					if (can(actor, 'group.promote', g)) expect(manages).toBe(true);
					if (can(actor, 'group.vote', g)) expect(sees).toBe(true);
					if (can(actor, 'group.viewRanking', g)) expect(sees).toBe(true);
				}
	});
});

describe('the secret link of a members-only group’s calendar feed', () => {
	// [actor, visibility, may read the link with its token]
	it.each<[string, GroupRef['visibility'], boolean]>([
		['memberAgent', 'members', true],
		['memberReferent', 'members', true],
		['outsiderReferent', 'members', false],
		['centraleBuyer', 'members', true],
		['otherBuyer', 'members', false],
		['admin', 'members', true],
		// an open group's feed is public: there is no secret to hold
		['memberAgent', 'open', false],
		['centraleBuyer', 'open', false]
	])('%s in a %s group: %s', (who, visibility, expected) => {
		const { actor, memberStatus } = actors[who];
		for (const phase of PHASES) {
			const g = group(phase, memberStatus, { visibility });
			expect(can(actor, 'group.readFeedToken', g)).toBe(expected);
			// whoever holds the secret may replace it, and nobody else
			expect(can(actor, 'group.rotateFeed', g)).toBe(expected);
		}
	});

	it('keeps a requested membership outside', () => {
		const g = group('collecting', 'requested', { visibility: 'members' });
		expect(can(actors.memberReferent.actor, 'group.readFeedToken', g)).toBe(false);
	});
});
