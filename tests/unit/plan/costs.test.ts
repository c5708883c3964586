import { describe, expect, it } from 'vitest';
import { costByBudgetYear, type PlannedItem } from '../../../src/lib/domain/plan/costs';

const screens: PlannedItem = {
	unitPriceCents: 100_000,
	quantityHundredths: 1000,
	recurrence: 'one_off',
	budgetNature: 'extraordinaire',
	vatRate: 21
};
const seats: PlannedItem = {
	unitPriceCents: 2_000,
	quantityHundredths: 500,
	recurrence: 'monthly',
	budgetNature: 'ordinaire',
	vatRate: 21
};
const licence: PlannedItem = {
	unitPriceCents: 120_000,
	quantityHundredths: 100,
	recurrence: 'yearly',
	budgetNature: 'ordinaire',
	vatRate: 6
};

describe('estimated cost per budget year', () => {
	it('puts the one-off in the first year and spreads the recurring over the remaining duration', () => {
		const years = costByBudgetYear([screens, seats, licence], '2027-07', '2029-03-31');
		expect(
			years.map((y) => [
				y.year,
				y.byNature.extraordinaire.oneOffCents,
				y.byNature.ordinaire.recurringCents,
				y.exclVatCents
			])
		).toEqual([
			// 10 screens; 6 months × 100 €; the licence's first year
			[2027, 1_000_000, 60_000 + 120_000, 1_180_000],
			[2028, 0, 120_000 + 120_000, 240_000],
			// three months, no anniversary of the licence before the end
			[2029, 0, 30_000, 30_000]
		]);
	});

	it('adds the VAT per rate, once per year', () => {
		const [first] = costByBudgetYear([screens, licence], '2027-07', '2027-12-31');
		expect(first.vatCents).toBe(210_000 + 7_200);
		expect(first.inclVatCents).toBe(1_000_000 + 120_000 + 217_200);
	});

	it('counts two decimals of quantity to the cent', () => {
		const half = { ...seats, quantityHundredths: 250, unitPriceCents: 333 };
		// 2,5 × 3,33 € = 8,325 € → 8,33 € a month, for 12 months
		const [year] = costByBudgetYear([half], '2028-01', '2028-12-31');
		expect(year.exclVatCents).toBe(833 * 12);
	});

	it('ends at the first year when the contract ends before its first anniversary', () => {
		expect(costByBudgetYear([licence], '2027-03', '2027-12-31').map((y) => y.year)).toEqual([2027]);
	});

	it('leaves out a last year with nothing to pay', () => {
		expect(costByBudgetYear([licence], '2027-07', '2029-03-31').map((y) => y.year)).toEqual([
			2027, 2028
		]);
	});

	it('has nothing to spread when the start is after the end', () => {
		expect(costByBudgetYear([seats], '2030-01', '2029-12-31')).toEqual([]);
	});

	it('stops at the horizon when the contract has no known end', () => {
		expect(costByBudgetYear([seats], '2027-01', null, 4).map((y) => y.year)).toEqual([
			2027, 2028, 2029, 2030
		]);
	});
});
