import { describe, expect, it } from 'vitest';
import { recipientsOf, resolveAudience } from '$lib/domain/relay/audience';

const SENEFFE = 1; // on IDEA's and IGRETEC's territories
const CHARLEROI = 2;
const MONS = 3;
const TOURNAI = 4; // IDETA, not served by the announcing centrale

describe('audience resolution', () => {
	const served = new Set([SENEFFE, CHARLEROI, MONS]);
	it.each([
		['a two-territory commune listed twice reaches it once', [SENEFFE, CHARLEROI, SENEFFE], [1, 2]],
		['communes the centrale does not serve are left out', [TOURNAI, MONS], [3]],
		['nobody when no candidate is served', [TOURNAI], []],
		['ids in order, whatever the query order', [MONS, SENEFFE, CHARLEROI], [1, 2, 3]]
	])('%s', (_, candidates, expected) => {
		expect(resolveAudience(candidates, served)).toEqual(expected);
	});

	const people = [
		{ id: 10, organisationId: SENEFFE, role: 'referent' as const, disabled: false },
		{ id: 11, organisationId: SENEFFE, role: 'agent' as const, disabled: false },
		{ id: 12, organisationId: SENEFFE, role: 'agent' as const, disabled: true },
		{ id: 20, organisationId: CHARLEROI, role: 'agent' as const, disabled: false },
		{ id: 30, organisationId: TOURNAI, role: 'referent' as const, disabled: false }
	];

	it('reaches the active people of the reached communes', () => {
		expect(recipientsOf([SENEFFE, CHARLEROI], people)).toEqual([10, 11, 20]);
	});

	it('reaches only referents when asked', () => {
		expect(recipientsOf([SENEFFE, CHARLEROI], people, { referentsOnly: true })).toEqual([10]);
	});

	it('lists a person once even if given twice', () => {
		expect(recipientsOf([SENEFFE], [...people, people[0]])).toEqual([10, 11]);
	});
});
