/**
 * The estimated cost of a purchase intention per budget year (budget.md §6: « montants estimés
 * par année », one-off vs recurring, by suggested service). A budget year pays what falls in it:
 * the one-off amounts in the start month's year, a monthly fee for each month of the year from
 * the start to the contract's end, a yearly fee at each anniversary of the start before the end.
 * Amounts come from money.ts (line totals to the cent, VAT once per rate): no second arithmetic.
 */
import { lineTotal, vatOn } from '../catalogue/money';
import type { BudgetNature, Recurrence, VatRate } from '../catalogue/types';
import { VAT_RATES } from '../catalogue/types';
import { monthOf, monthsBetween, yearOf } from './months';

export interface PlannedItem {
	unitPriceCents: number;
	quantityHundredths: number;
	recurrence: Recurrence;
	budgetNature: BudgetNature;
	vatRate: VatRate;
}

export interface NatureSplit {
	oneOffCents: number;
	recurringCents: number;
}

export interface YearCost {
	year: number;
	byNature: Record<BudgetNature, NatureSplit>;
	exclVatCents: number;
	vatCents: number;
	inclVatCents: number;
}

/** years shown when the contract has no known end */
export const DEFAULT_HORIZON_YEARS = 4;

/** How many times the item is paid in `year`, from `start` ('YYYY-MM') to `endMonth`. */
function paymentsIn(item: PlannedItem, year: number, start: string, endMonth: string): number {
	if (item.recurrence === 'one_off') return year === yearOf(start) ? 1 : 0;
	const from = start > `${year}-01` ? start : `${year}-01`;
	const to = endMonth < `${year}-12` ? endMonth : `${year}-12`;
	if (item.recurrence === 'monthly') return monthsBetween(from, to);
	// yearly: the anniversary of the start month falls in this year
	const anniversary = `${year}-${start.slice(5, 7)}`;
	return anniversary >= start && anniversary <= endMonth ? 1 : 0;
}

/**
 * Cost per budget year from `start` ('YYYY-MM') to `end` ('YYYY-MM-DD', the contract's end with
 * its extensions) or, when the end is unknown, over `horizonYears`.
 */
export function costByBudgetYear(
	items: readonly PlannedItem[],
	start: string,
	end: string | null,
	horizonYears = DEFAULT_HORIZON_YEARS
): YearCost[] {
	const endMonth = end ? monthOf(end) : `${yearOf(start) + horizonYears - 1}-12`;
	if (endMonth < start) return [];
	const years: YearCost[] = [];
	for (let year = yearOf(start); year <= yearOf(endMonth); year++) {
		const byNature: Record<BudgetNature, NatureSplit> = {
			ordinaire: { oneOffCents: 0, recurringCents: 0 },
			extraordinaire: { oneOffCents: 0, recurringCents: 0 }
		};
		const bases = new Map<VatRate, number>();
		for (const item of items) {
			const times = paymentsIn(item, year, start, endMonth);
			if (times === 0) continue;
			const amount = lineTotal(item.quantityHundredths / 100, item.unitPriceCents) * times;
			const split = byNature[item.budgetNature];
			if (item.recurrence === 'one_off') split.oneOffCents += amount;
			else split.recurringCents += amount;
			bases.set(item.vatRate, (bases.get(item.vatRate) ?? 0) + amount);
		}
		const exclVatCents = [...bases.values()].reduce((a, b) => a + b, 0);
		const vatCents = VAT_RATES.reduce<number>(
			(sum, rate) => sum + vatOn(bases.get(rate) ?? 0, rate),
			0
		);
		// a year with nothing to pay (the last months before the end, no anniversary) is not shown
		if (exclVatCents > 0)
			years.push({ year, byNature, exclVatCents, vatCents, inclVatCents: exclVatCents + vatCents });
	}
	return years;
}

/** The sum over the years, excl. and incl. VAT. */
export function totalCost(years: readonly YearCost[]): {
	exclVatCents: number;
	inclVatCents: number;
} {
	return {
		exclVatCents: years.reduce((sum, y) => sum + y.exclVatCents, 0),
		inclVatCents: years.reduce((sum, y) => sum + y.inclVatCents, 0)
	};
}
