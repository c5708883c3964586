import { describe, expect, it } from 'vitest';
import {
	can,
	type Actor,
	type ContractRef,
	type OrganisationRef
} from '../../src/lib/domain/permissions';
import type { OrganisationKind } from '../../src/lib/domain/roles';

const MONS = 20;
const IDEA = 10;
const actors: Record<string, Actor> = {
	agentMons: { id: 1, role: 'agent', organisationId: MONS },
	referentMons: { id: 2, role: 'referent', organisationId: MONS },
	referentTournai: { id: 3, role: 'referent', organisationId: 30 },
	buyerIdea: { id: 4, role: 'buyer', organisationId: IDEA },
	buyerIgretec: { id: 6, role: 'buyer', organisationId: 11 },
	admin: { id: 5, role: 'admin', organisationId: 1 }
};
const org = (kind: OrganisationKind = 'commune'): OrganisationRef => ({
	organisationId: MONS,
	kind
});

describe('a commune’s purchase plan', () => {
	// [actor, kind, view, edit, record a decision]
	it.each<[string, OrganisationKind, boolean, boolean, boolean]>([
		['referentMons', 'commune', true, true, true],
		['referentMons', 'cpas', true, true, true],
		['agentMons', 'commune', true, true, false],
		['referentTournai', 'commune', false, false, false],
		['buyerIdea', 'commune', false, false, false],
		['admin', 'commune', false, false, false],
		['referentMons', 'intercommunale', false, false, false]
	])('%s on a %s: view %s, edit %s, record %s', (who, kind, view, edit, record) => {
		expect(can(actors[who], 'plan.view', org(kind))).toBe(view);
		expect(can(actors[who], 'plan.edit', org(kind))).toBe(edit);
		expect(can(actors[who], 'plan.recordDecision', org(kind))).toBe(record);
		// the finance director's choice of service is recorded like a decision: by the referent
		expect(can(actors[who], 'plan.chooseNature', org(kind))).toBe(record);
	});

	const ledByIdea: ContractRef = { centraleId: IDEA, ledByIntercommunale: true };
	it.each<[string, boolean]>([
		['buyerIdea', true],
		['buyerIgretec', false],
		['admin', true],
		['referentMons', false],
		['agentMons', false]
	])('%s sees the aggregated plans of an IDEA contract: %s', (who, expected) => {
		expect(can(actors[who], 'plan.viewAggregate', ledByIdea)).toBe(expected);
	});

	// [actor, IDEA's templates, IGRETEC's templates]
	it.each<[string, boolean, boolean]>([
		['buyerIdea', true, false],
		['buyerIgretec', false, true],
		['admin', false, false],
		['referentMons', false, false],
		['agentMons', false, false]
	])('%s edits IDEA’s templates: %s, IGRETEC’s: %s', (who, idea, igretec) => {
		expect(can(actors[who], 'planTemplate.edit', { centraleId: IDEA })).toBe(idea);
		expect(can(actors[who], 'planTemplate.edit', { centraleId: 11 })).toBe(igretec);
	});

	it('is refused to anonymous visitors', () => {
		expect(can(null, 'plan.view', org())).toBe(false);
		expect(can(undefined, 'plan.edit', org())).toBe(false);
		expect(can(null, 'planTemplate.edit', { centraleId: IDEA })).toBe(false);
	});
});

describe('a recorded decision’s signed PDF', () => {
	const decision = (adhesion: boolean, kind: OrganisationKind = 'commune') => ({
		organisationId: MONS,
		kind,
		centraleId: IDEA,
		adhesion
	});
	// [actor, adhesion deliberation, other decision]
	it.each<[string, boolean, boolean]>([
		['referentMons', true, true],
		['agentMons', true, true],
		['referentTournai', false, false],
		['buyerIdea', true, false],
		['buyerIgretec', false, false],
		['admin', false, false]
	])('%s reads an adhesion deliberation: %s, another decision: %s', (who, adhesion, other) => {
		expect(can(actors[who], 'plan.readDecisionFile', decision(true))).toBe(adhesion);
		expect(can(actors[who], 'plan.readDecisionFile', decision(false))).toBe(other);
	});

	it('is not read by a buyer when the decision concerns no centrale', () => {
		expect(
			can(actors.buyerIdea, 'plan.readDecisionFile', { ...decision(true), centraleId: null })
		).toBe(false);
	});
});
