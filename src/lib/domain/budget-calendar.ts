/**
 * The Walloon communal budget cycle (shared/domain/budget.md §4) and which budget vehicle can
 * still carry a credit for a purchase in a target year.
 *
 * Legal anchors: L1312-2 CDLD (the conseil meets on the first Monday of October to vote next
 * year's budget) [M]; RGCC art. 14 (douzièmes provisoires while the budget is not approved) [H].
 * The practical windows (vote in Nov–Dec, MB1 Apr–Jun, MB2 Sep–Nov) are practice [M], so they
 * are a configuration each commune may edit, never constants in the code.
 *
 * A commune that entered its own dates for a year (commune-budget-calendar.ts) gets them instead
 * of the default windows: each vote becomes a one-day period.
 */
import type { CommuneBudgetDates } from './commune-budget-calendar';

/** A window of months (1–12) in a year, inclusive. */
export interface MonthWindow {
	fromMonth: number;
	toMonth: number;
}

export interface BudgetCalendarConfig {
	/** when the initial budget of year N is voted, in year N-1 (practice: Nov–Dec) */
	initialBudget: MonthWindow;
	/** first budget amendment of year N, in year N */
	mb1: MonthWindow;
	/** second (last) budget amendment of year N, in year N */
	mb2: MonthWindow;
	/** months of year N under douzièmes provisoires when the budget is not yet approved */
	provisionalTwelfths: MonthWindow;
	/** weeks a vehicle needs before its vote to include a new credit (services' requests) */
	leadWeeks: number;
}

export const DEFAULT_BUDGET_CALENDAR: BudgetCalendarConfig = {
	initialBudget: { fromMonth: 11, toMonth: 12 },
	mb1: { fromMonth: 4, toMonth: 6 },
	mb2: { fromMonth: 9, toMonth: 11 },
	provisionalTwelfths: { fromMonth: 1, toMonth: 3 },
	leadWeeks: 6
};

export type BudgetVehicle = 'initial' | 'mb1' | 'mb2';

export const VEHICLE_LABELS: Record<BudgetVehicle, string> = {
	initial: 'Budget initial',
	mb1: 'Modification budgétaire n° 1',
	mb2: 'Modification budgétaire n° 2'
};

export interface CalendarPeriod {
	kind: BudgetVehicle | 'provisional';
	label: string;
	/** the budget year the period is about */
	budgetYear: number;
	/** 'YYYY-MM-DD', inclusive */
	from: string;
	to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const firstDay = (year: number, month: number) => `${year}-${pad(month)}-01`;
function lastDay(year: number, month: number): string {
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${pad(month)}-${pad(days)}`;
}

/** First Monday of October of `year`: the legal date of the budget vote (L1312-2). */
export function legalBudgetVoteDate(year: number): string {
	const weekday = new Date(Date.UTC(year, 9, 1)).getUTCDay(); // 0 = Sunday
	const day = 1 + ((8 - weekday) % 7);
	return `${year}-10-${pad(day)}`;
}

/**
 * The periods that concern budget year `year`, in time order: the commune's own dates when
 * `own` is given (for that year), the default windows of `config` otherwise.
 */
export function periodsForYear(
	year: number,
	config: BudgetCalendarConfig = DEFAULT_BUDGET_CALENDAR,
	own: CommuneBudgetDates | null = null
): CalendarPeriod[] {
	if (own && own.year === year) return ownPeriods(own, config);
	const p = (
		kind: CalendarPeriod['kind'],
		label: string,
		inYear: number,
		w: MonthWindow
	): CalendarPeriod => ({
		kind,
		label,
		budgetYear: year,
		from: firstDay(inYear, w.fromMonth),
		to: lastDay(inYear, w.toMonth)
	});
	return [
		p('initial', `${VEHICLE_LABELS.initial} ${year}`, year - 1, config.initialBudget),
		p(
			'provisional',
			`Douzièmes provisoires (si le budget ${year} n’est pas approuvé)`,
			year,
			config.provisionalTwelfths
		),
		p('mb1', `MB1 ${year}`, year, config.mb1),
		p('mb2', `MB2 ${year}`, year, config.mb2)
	];
}

function ownPeriods(own: CommuneBudgetDates, config: BudgetCalendarConfig): CalendarPeriod[] {
	const { year } = own;
	const day = (kind: BudgetVehicle, label: string, date: string): CalendarPeriod => ({
		kind,
		label,
		budgetYear: year,
		from: date,
		to: date
	});
	// twelfths run from January until the budget is voted and approved: at least the usual window
	const usualEnd = lastDay(year, config.provisionalTwelfths.toMonth);
	const periods: CalendarPeriod[] = [
		day('initial', `${VEHICLE_LABELS.initial} ${year}`, own.initialVote),
		{
			kind: 'provisional',
			label: `Douzièmes provisoires (si le budget ${year} n’est pas approuvé)`,
			budgetYear: year,
			from: `${year}-01-01`,
			to: own.initialVote > usualEnd ? own.initialVote : usualEnd
		}
	];
	if (own.mb1) periods.push(day('mb1', `MB1 ${year}`, own.mb1));
	if (own.mb2) periods.push(day('mb2', `MB2 ${year}`, own.mb2));
	return periods;
}

function minusWeeks(date: string, weeks: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - weeks * 7);
	return d.toISOString().slice(0, 10);
}

export interface VehicleChoice {
	vehicle: BudgetVehicle;
	label: string;
	/** last day to ask the finance service for the credit (vote window start − lead time) */
	askBy: string;
	/** the vote window */
	from: string;
	to: string;
}

/**
 * Which budget vehicles can still carry a credit for year `targetYear`, seen on `today`
 * ('YYYY-MM-DD'): those whose vote window has not started yet minus the lead time, in order.
 * Empty when it is too late for that year (the last MB is past): plan for the next year.
 */
export function vehiclesStillOpen(
	today: string,
	targetYear: number,
	config: BudgetCalendarConfig = DEFAULT_BUDGET_CALENDAR,
	own: CommuneBudgetDates | null = null
): VehicleChoice[] {
	return periodsForYear(targetYear, config, own)
		.filter((p): p is CalendarPeriod & { kind: BudgetVehicle } => p.kind !== 'provisional')
		.map((p) => ({
			vehicle: p.kind,
			label: p.label,
			askBy: minusWeeks(p.from, config.leadWeeks),
			from: p.from,
			to: p.to
		}))
		.filter((v) => today <= v.askBy);
}

/** The best vehicle for a credit in `targetYear`, or null when none is left. */
export function nextVehicle(
	today: string,
	targetYear: number,
	config: BudgetCalendarConfig = DEFAULT_BUDGET_CALENDAR,
	own: CommuneBudgetDates | null = null
): VehicleChoice | null {
	return vehiclesStillOpen(today, targetYear, config, own)[0] ?? null;
}

/** true when `date` falls in the douzièmes provisoires window (no new commitments then). */
export function inProvisionalTwelfths(
	date: string,
	config: BudgetCalendarConfig = DEFAULT_BUDGET_CALENDAR
): boolean {
	const month = Number(date.slice(5, 7));
	return (
		month >= config.provisionalTwelfths.fromMonth && month <= config.provisionalTwelfths.toMonth
	);
}
