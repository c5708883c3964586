/**
 * A commune's own budget calendar (DOMAIN.md: « Defaults come from this; each commune edits its
 * own »): for one budget year, the dates its conseil votes the initial budget and the two
 * amendments. The initial budget of year N is voted in the autumn of N-1 in principle (L1312-2
 * CDLD: first Monday of October), in practice often later, sometimes early in N (douzièmes
 * provisoires meanwhile); MB1 and MB2 are voted during N.
 */

export interface CommuneBudgetDates {
	year: number;
	/** 'YYYY-MM-DD' */
	initialVote: string;
	mb1: string | null;
	mb2: string | null;
}

export type BudgetDateField = 'year' | 'initialVote' | 'mb1' | 'mb2';

export const MIN_BUDGET_YEAR = 2020;
export const MAX_BUDGET_YEAR = 2100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written 'YYYY-MM-DD' (no 31 February). */
export function isCalendarDate(value: string): boolean {
	if (!DATE.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** One French message per faulty field; empty when the calendar can be saved. */
export function checkCommuneBudgetDates(
	input: CommuneBudgetDates
): Partial<Record<BudgetDateField, string>> {
	const { year, initialVote, mb1, mb2 } = input;
	if (!Number.isInteger(year) || year < MIN_BUDGET_YEAR || year > MAX_BUDGET_YEAR)
		return {
			year: `Indiquez une année budgétaire entre ${MIN_BUDGET_YEAR} et ${MAX_BUDGET_YEAR}.`
		};
	const errors: Partial<Record<BudgetDateField, string>> = {};
	if (!initialVote) errors.initialVote = `Indiquez la date du vote du budget initial ${year}.`;
	else if (!isCalendarDate(initialVote))
		errors.initialVote = 'Indiquez une date, par exemple 2026-12-15.';
	else if (initialVote < `${year - 1}-09-01` || initialVote > `${year}-12-31`)
		errors.initialVote = `Le budget initial ${year} se vote entre le 1er septembre ${year - 1} et le 31 décembre ${year}.`;
	for (const [field, value, label] of [
		['mb1', mb1, 'MB1'],
		['mb2', mb2, 'MB2']
	] as const) {
		if (!value) continue;
		if (!isCalendarDate(value)) errors[field] = 'Indiquez une date, par exemple 2027-05-20.';
		else if (!value.startsWith(`${year}-`))
			errors[field] = `La ${label} ${year} se vote pendant l’année ${year}.`;
	}
	if (mb2 && !mb1 && !errors.mb2)
		errors.mb2 = 'Indiquez d’abord la date de la MB1 : la MB2 vient après elle.';
	// order, once each date is valid on its own
	if (!errors.initialVote && mb1 && !errors.mb1 && mb1 <= initialVote)
		errors.mb1 = 'La MB1 se vote après le budget initial.';
	if (!errors.mb1 && !errors.mb2 && mb1 && mb2 && mb2 <= mb1)
		errors.mb2 = 'La MB2 se vote après la MB1.';
	return errors;
}
