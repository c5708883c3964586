import { describe, expect, it } from 'vitest';
import {
	PHASES,
	canSwitchPhase,
	checkPhaseDates,
	type Phase,
	type PhaseDates
} from '../../src/lib/domain/boards/phases';

describe('group phases', () => {
	const allowed = new Set([
		'collecting>prioritising',
		'prioritising>phasing',
		'phasing>closed',
		'prioritising>collecting',
		'phasing>prioritising'
	]);
	for (const from of PHASES)
		for (const to of PHASES)
			it(`${from} → ${to}: ${allowed.has(`${from}>${to}`)}`, () => {
				expect(canSwitchPhase(from, to)).toBe(allowed.has(`${from}>${to}`));
			});
});

describe('phase dates', () => {
	const none: PhaseDates = { collecting: null, prioritising: null, phasing: null, closed: null };
	const order = 'Les phases doivent se suivre dans le temps.';
	it.each<[string, Partial<PhaseDates>, Partial<Record<Phase, string>>]>([
		['nothing planned', {}, {}],
		[
			'all in order',
			{
				collecting: '2027-01-04',
				prioritising: '2027-02-01',
				phasing: '2027-03-01',
				closed: '2027-04-30'
			},
			{}
		],
		[
			'two phases starting the same day',
			{ collecting: '2027-01-04', prioritising: '2027-01-04' },
			{}
		],
		['gaps are skipped', { collecting: '2027-01-04', closed: '2027-04-30' }, {}],
		[
			'prioritising before collecting',
			{ collecting: '2027-03-01', prioritising: '2027-01-01' },
			{ prioritising: order }
		],
		[
			'closing before phasing, across a blank',
			{ collecting: '2027-01-01', phasing: '2027-05-01', closed: '2027-04-30' },
			{ closed: order }
		],
		[
			'a late phase is compared with the last good one',
			{ collecting: '2027-01-01', prioritising: '2026-12-01', phasing: '2027-02-01' },
			{ prioritising: order }
		],
		['not a real date', { phasing: '2027-02-30' }, { phasing: 'Indiquez une date' }],
		['not a date at all', { closed: 'demain' }, { closed: 'Indiquez une date' }]
	])('%s', (_, given, expected) => {
		const errors = checkPhaseDates({ ...none, ...given });
		expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort());
		for (const [phase, start] of Object.entries(expected))
			expect(errors[phase as Phase]).toContain(start);
	});

	it('names the phase the faulty date precedes', () => {
		expect(
			checkPhaseDates({ ...none, collecting: '2027-03-01', closed: '2027-01-01' }).closed
		).toBe(
			'Les phases doivent se suivre dans le temps. Cette date précède celle de la phase « Recueil des besoins ».'
		);
	});
});
