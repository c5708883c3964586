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
function paymentsIn(
	item: PlannedItem,
	year: number,
	start: string,
	startYear: number,
	endMonth: string
): number {
	if (item.recurrence === 'one_off') return year === startYear ? 1 : 0;
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
	const startYear = yearOf(start);
	const endMonth = end ? monthOf(end) : `${startYear + horizonYears - 1}-12`;
	if (endMonth < start) return [];
	// each line's amount once: only how many times it is paid changes from year to year
	const amounts = items.map((item) =>
		lineTotal(item.quantityHundredths / 100, item.unitPriceCents)
	);
	const years: YearCost[] = [];
	const endYear = yearOf(endMonth);
	for (let year = startYear; year <= endYear; year++) {
		const byNature: Record<BudgetNature, NatureSplit> = {
			ordinaire: { oneOffCents: 0, recurringCents: 0 },
			extraordinaire: { oneOffCents: 0, recurringCents: 0 }
		};
		const bases = new Map<VatRate, number>();
		for (let i = 0; i < items.length; i++) {
			const item = items[i];
			const times = paymentsIn(item, year, start, startYear, endMonth);
			if (times === 0) continue;
			const amount = amounts[i] * times;
			const split = byNature[item.budgetNature];
			if (item.recurrence === 'one_off') split.oneOffCents += amount;
			else split.recurringCents += amount;
			bases.set(item.vatRate, (bases.get(item.vatRate) ?? 0) + amount);
		}
		let exclVatCents = 0;
		let vatCents = 0;
		for (const rate of VAT_RATES) {
			const base = bases.get(rate);
			if (base === undefined) continue;
			exclVatCents += base;
			vatCents += vatOn(base, rate);
		}
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
