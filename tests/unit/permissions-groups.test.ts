import { describe, expect, it } from 'vitest';
import { can, type Actor, type GroupRef } from '../../src/lib/domain/permissions';

const CENTRALE = 10;
const COMMUNE = 20;
const actors: Record<string, Actor> = {
	agent: { id: 1, role: 'agent', organisationId: COMMUNE },
	referent: { id: 2, role: 'referent', organisationId: COMMUNE },
	buyer: { id: 3, role: 'buyer', organisationId: CENTRALE },
	otherBuyer: { id: 4, role: 'buyer', organisationId: 99 },
	admin: { id: 5, role: 'admin', organisationId: 1 }
};

const group = (over: Partial<GroupRef> = {}): GroupRef => ({
	centraleId: CENTRALE,
	visibility: 'members',
	phase: 'collecting',
	memberStatus: null,
	agentsMayVote: false,
	...over
});

describe('group permissions', () => {
	it.each([
		['agent', false],
		['referent', false],
		['buyer', true],
		['otherBuyer', true],
		['admin', true]
	])('group.create for %s: %s', (who, expected) => {
		expect(can(actors[who], 'group.create')).toBe(expected);
	});

	// [actor, group, view, manage]
	it.each<[string, Partial<GroupRef>, boolean, boolean]>([
		['agent', {}, false, false],
		['agent', { visibility: 'open' }, true, false],
		['agent', { memberStatus: 'member' }, true, false],
		['agent', { memberStatus: 'requested' }, false, false],
		['referent', { memberStatus: 'refused' }, false, false],
		['referent', { memberStatus: 'member' }, true, false],
		['buyer', {}, true, true],
		['otherBuyer', {}, false, false],
		['otherBuyer', { visibility: 'open' }, true, false],
		['admin', {}, true, true]
	])('%s on %j: view %s, manage %s', (who, over, view, manage) => {
		expect(can(actors[who], 'group.view', group(over))).toBe(view);
		expect(can(actors[who], 'group.manage', group(over))).toBe(manage);
	});

	it.each<[string, Partial<GroupRef>, boolean]>([
		['referent', { visibility: 'open' }, true],
		['referent', { visibility: 'open', phase: 'prioritising' }, true],
		['referent', { visibility: 'open', phase: 'closed' }, false],
		['referent', { visibility: 'members' }, false],
		['referent', { visibility: 'open', memberStatus: 'requested' }, false],
		['referent', { visibility: 'open', memberStatus: 'member' }, false],
		['referent', { visibility: 'open', memberStatus: 'refused' }, false],
		['agent', { visibility: 'open' }, false],
		['buyer', { visibility: 'open' }, false]
	])('group.requestJoin for %s on %j: %s', (who, over, expected) => {
		expect(can(actors[who], 'group.requestJoin', group(over))).toBe(expected);
	});

	it.each<[string, Partial<GroupRef>, boolean]>([
		['referent', { phase: 'prioritising', memberStatus: 'member' }, true],
		['referent', { phase: 'collecting', memberStatus: 'member' }, false],
		['referent', { phase: 'phasing', memberStatus: 'member' }, false],
		['referent', { phase: 'closed', memberStatus: 'member' }, false],
		['referent', { phase: 'prioritising', memberStatus: 'requested' }, false],
		['referent', { phase: 'prioritising', visibility: 'open' }, false],
		['agent', { phase: 'prioritising', memberStatus: 'member' }, false],
		['agent', { phase: 'prioritising', memberStatus: 'member', agentsMayVote: true }, true],
		['buyer', { phase: 'prioritising', memberStatus: 'member' }, false],
		['admin', { phase: 'prioritising', memberStatus: 'member' }, false]
	])('group.vote for %s on %j: %s', (who, over, expected) => {
		expect(can(actors[who], 'group.vote', group(over))).toBe(expected);
	});

	it('refuses everything to anonymous visitors', () => {
		expect(can(null, 'group.view', group({ visibility: 'open' }))).toBe(false);
		expect(can(undefined, 'group.create')).toBe(false);
	});
});

describe('rotating a group’s calendar feed link', () => {
	it.each<[string, Partial<GroupRef>, boolean]>([
		['agent', { memberStatus: 'member' }, true],
		['referent', { memberStatus: 'member' }, true],
		['referent', { memberStatus: 'requested' }, false],
		['referent', {}, false],
		['agent', { visibility: 'open', memberStatus: 'member' }, false],
		['buyer', {}, true],
		['otherBuyer', {}, false],
		['admin', {}, true],
		['buyer', { visibility: 'open' }, false]
	])('%s on %j: %s', (who, over, expected) => {
		expect(can(actors[who], 'group.rotateFeed', group(over))).toBe(expected);
	});
});
