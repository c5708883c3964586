import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BUDGET_ARTICLES,
	PRICE_ITEM_KINDS,
	PRICE_ITEM_KIND_LABELS,
	budgetNatureReason,
	splitOneOffRecurring,
	suggestedArticle,
	suggestedBudgetNature,
	yearlyCostCents
} from '$lib/domain/catalogue/budget';
import { BUDGET_NATURES, RECURRENCES } from '$lib/domain/catalogue/types';
import type { PriceItemKind } from '$lib/domain/catalogue/budget';
import type { BudgetNature } from '$lib/domain/catalogue/types';

/** budget.md §2, one-off purchases. */
const ONE_OFF: Record<PriceItemKind, BudgetNature> = {
	subscription: 'ordinaire',
	licence_term: 'ordinaire',
	licence_perpetual: 'extraordinaire',
	hardware: 'extraordinaire',
	development: 'extraordinaire',
	implementation: 'extraordinaire',
	support: 'ordinaire',
	hosting: 'ordinaire',
	telecom: 'ordinaire',
	audit: 'ordinaire',
	training: 'ordinaire',
	consumable: 'ordinaire',
	service: 'ordinaire'
};

describe('suggestedBudgetNature', () => {
	for (const kind of PRICE_ITEM_KINDS) {
		it(`${kind}: one-off → ${ONE_OFF[kind]}, yearly and monthly → ordinaire`, () => {
			expect(suggestedBudgetNature('one_off', kind)).toBe(ONE_OFF[kind]);
			expect(suggestedBudgetNature('yearly', kind)).toBe('ordinaire');
			expect(suggestedBudgetNature('monthly', kind)).toBe('ordinaire');
		});
	}

	it('explains each suggestion in French, consistently with the suggestion', () => {
		for (const recurrence of RECURRENCES) {
			for (const kind of PRICE_ITEM_KINDS) {
				const reason = budgetNatureReason(recurrence, kind);
				const nature = suggestedBudgetNature(recurrence, kind);
				expect(reason).toContain(`service ${nature}`);
			}
		}
		expect(budgetNatureReason('one_off', 'hardware')).toMatch(/projet et un financement/);
	});

	it('labels every kind', () => {
		expect(Object.keys(PRICE_ITEM_KIND_LABELS).sort()).toEqual([...PRICE_ITEM_KINDS].sort());
	});
});

describe('suggestedArticle', () => {
	it('suggests 104/123-13 for the ordinary service, to be confirmed', () => {
		expect(suggestedArticle('ordinaire')).toEqual({
			article: '104/123-13',
			confirmation: 'à confirmer par le directeur financier',
			text: '104/123-13 (à confirmer par le directeur financier)'
		});
	});

	it('suggests 104/742-53 for the extraordinary service, with the project to plan', () => {
		expect(suggestedArticle('extraordinaire').text).toBe(
			'104/742-53 (à confirmer par le directeur financier ; numéro de projet extraordinaire à prévoir)'
		);
	});

	it('takes configured articles and still flags them', () => {
		const articles = { ordinaire: '930/123-13', extraordinaire: '930/742-53' };
		for (const nature of BUDGET_NATURES) {
			const suggestion = suggestedArticle(nature, articles);
			expect(suggestion.article).toBe(articles[nature]);
			expect(suggestion.text).toContain('à confirmer par le directeur financier');
			expect(suggestion.text.startsWith(articles[nature])).toBe(true);
		}
		expect(DEFAULT_BUDGET_ARTICLES.ordinaire).toBe('104/123-13');
	});
});

describe('yearly cost and one-off split', () => {
	it.each([
		[{ unitPriceCents: 1_000, recurrence: 'monthly' as const }, 12_000],
		[{ unitPriceCents: 1_000, recurrence: 'monthly' as const, quantity: 2.5 }, 30_000],
		[{ unitPriceCents: 99_900, recurrence: 'yearly' as const }, 99_900],
		[{ unitPriceCents: 99_900, recurrence: 'yearly' as const, quantity: 3 }, 299_700],
		[{ unitPriceCents: 500_000, recurrence: 'one_off' as const }, 0]
	])('yearlyCostCents(%o) = %i', (item, expected) => {
		expect(yearlyCostCents(item)).toBe(expected);
	});

	it('splits one-off and recurring amounts per service', () => {
		const split = splitOneOffRecurring([
			{
				unitPriceCents: 120_000,
				recurrence: 'one_off',
				quantity: 10,
				budgetNature: 'extraordinaire'
			},
			{ unitPriceCents: 250_000, recurrence: 'one_off', budgetNature: 'ordinaire' },
			{ unitPriceCents: 4_500, recurrence: 'monthly', quantity: 10, budgetNature: 'ordinaire' },
			{ unitPriceCents: 60_000, recurrence: 'yearly', budgetNature: 'ordinaire' }
		]);
		expect(split).toEqual({
			oneOffCents: 1_450_000,
			yearlyCents: 600_000,
			byNature: {
				ordinaire: { oneOffCents: 250_000, yearlyCents: 600_000 },
				extraordinaire: { oneOffCents: 1_200_000, yearlyCents: 0 }
			}
		});
		expect(splitOneOffRecurring([])).toEqual({
			oneOffCents: 0,
			yearlyCents: 0,
			byNature: {
				ordinaire: { oneOffCents: 0, yearlyCents: 0 },
				extraordinaire: { oneOffCents: 0, yearlyCents: 0 }
			}
		});
	});

	it('keeps totals equal to the sum per service and to the items', () => {
		const item = fc.record({
			unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
			recurrence: fc.constantFrom(...RECURRENCES),
			quantity: fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100),
			budgetNature: fc.constantFrom(...BUDGET_NATURES)
		});
		fc.assert(
			fc.property(fc.array(item, { maxLength: 20 }), (items) => {
				const split = splitOneOffRecurring(items);
				const { ordinaire, extraordinaire } = split.byNature;
				expect(split.oneOffCents).toBe(ordinaire.oneOffCents + extraordinaire.oneOffCents);
				expect(split.yearlyCents).toBe(ordinaire.yearlyCents + extraordinaire.yearlyCents);
				const yearly = items.reduce((sum, i) => sum + yearlyCostCents(i), 0);
				expect(split.yearlyCents).toBe(yearly);
				expect(split.oneOffCents).toBeGreaterThanOrEqual(0);
				expect(splitOneOffRecurring([...items].reverse())).toEqual(split);
			})
		);
	});
});
