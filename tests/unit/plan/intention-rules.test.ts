import { describe, expect, it } from 'vitest';
import { checkIntention, type IntentionFacts } from '../../../src/lib/domain/plan/intention-rules';

const ok: IntentionFacts = {
	today: '2026-12-06',
	targetMonth: '2027-09',
	contract: {
		status: 'active',
		endDate: '2028-06-30',
		maxEndDate: '2029-06-30',
		maxValueCents: 10_000_000
	},
	committedCents: 4_000_000,
	totalExclVatCents: 1_000_000,
	lineCount: 2
};
const reason = (patch: Partial<IntentionFacts>) => {
	const v = checkIntention({ ...ok, ...patch });
	return v.ok ? null : v.reason;
};

describe('a purchase intention entering the plan', () => {
	it('accepts a month to come within the contract', () => {
		expect(checkIntention(ok)).toEqual({ ok: true });
		// the month of the end with its extensions is still inside
		expect(reason({ targetMonth: '2029-06' })).toBeNull();
		expect(reason({ targetMonth: '2026-12' })).toBeNull();
	});

	it.each<[string, Partial<IntentionFacts>, string | RegExp]>([
		[
			'a month already past',
			{ targetMonth: '2026-11' },
			'Novembre 2026 est déjà passé : choisissez un mois à venir.'
		],
		['no month', { targetMonth: '2027-13' }, 'Choisissez le mois et l’année de début souhaités.'],
		[
			'a budget year after the contract',
			{ targetMonth: '2030-01' },
			'L’exercice 2030 est en dehors de la durée du marché, qui se termine le 30 juin 2029.'
		],
		[
			'a month after the end in its last year',
			{ targetMonth: '2029-07' },
			'Le marché se termine le 30 juin 2029 : choisissez un mois de début avant cette date.'
		],
		['no quantity', { lineCount: 0 }, 'Indiquez au moins une quantité.'],
		[
			'more than the framework still allows',
			{ totalExclVatCents: 6_000_001 },
			/dépasserait le montant maximal/
		],
		[
			'an ended contract',
			{ contract: { ...ok.contract, status: 'ended' } },
			'Ce marché est clôturé : il ne peut plus entrer dans un plan d’achats.'
		]
	])('refuses %s', (_, patch, expected) => {
		const r = reason(patch);
		if (typeof expected === 'string') expect(r).toBe(expected);
		else expect(r).toMatch(expected);
	});

	it('accepts exactly what the framework still allows, and any amount without a maximum', () => {
		expect(reason({ totalExclVatCents: 6_000_000 })).toBeNull();
		expect(
			reason({ contract: { ...ok.contract, maxValueCents: null }, totalExclVatCents: 9e9 })
		).toBeNull();
	});

	it('uses the planned end when no extension is known', () => {
		expect(
			reason({ contract: { ...ok.contract, maxEndDate: null }, targetMonth: '2028-07' })
		).toMatch(/se termine le 30 juin 2028/);
	});
});
