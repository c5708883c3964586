import { describe, expect, it } from 'vitest';
import { can, type Actor, type OrganisationRef } from '../../src/lib/domain/permissions';
import type { OrganisationKind } from '../../src/lib/domain/roles';

const MONS = 20;
const actors: Record<string, Actor> = {
	agentMons: { id: 1, role: 'agent', organisationId: MONS },
	referentMons: { id: 2, role: 'referent', organisationId: MONS },
	referentTournai: { id: 3, role: 'referent', organisationId: 30 },
	buyer: { id: 4, role: 'buyer', organisationId: 10 },
	admin: { id: 5, role: 'admin', organisationId: 1 }
};
const org = (kind: OrganisationKind = 'commune'): OrganisationRef => ({
	organisationId: MONS,
	kind
});

describe('a commune’s budget calendar', () => {
	// [actor, kind, view, edit]
	it.each<[string, OrganisationKind, boolean, boolean]>([
		['referentMons', 'commune', true, true],
		['referentMons', 'cpas', true, true],
		['agentMons', 'commune', true, false],
		['referentTournai', 'commune', false, false],
		['buyer', 'commune', true, false],
		['admin', 'commune', true, false],
		['referentMons', 'intercommunale', false, false],
		['buyer', 'intercommunale', false, false]
	])('%s on a %s: view %s, edit %s', (who, kind, view, edit) => {
		expect(can(actors[who], 'budgetCalendar.view', org(kind))).toBe(view);
		expect(can(actors[who], 'budgetCalendar.edit', org(kind))).toBe(edit);
	});

	it.each<[string, boolean]>([
		['agentMons', false],
		['referentMons', false],
		['referentTournai', false],
		['buyer', true],
		['admin', true]
	])('%s reads every authority’s calendar: %s', (who, expected) => {
		expect(can(actors[who], 'budgetCalendar.viewAll')).toBe(expected);
	});

	it('shows every budget-voting authority’s calendar to those who read them all', () => {
		for (const who of Object.keys(actors))
			for (const kind of ['commune', 'cpas', 'zone', 'province'] as const)
				if (can(actors[who], 'budgetCalendar.viewAll'))
					expect(can(actors[who], 'budgetCalendar.view', org(kind))).toBe(true);
	});

	it('is refused to anonymous visitors', () => {
		expect(can(null, 'budgetCalendar.viewAll')).toBe(false);
		expect(can(null, 'budgetCalendar.view', org())).toBe(false);
		expect(can(undefined, 'budgetCalendar.edit', org())).toBe(false);
	});
});
