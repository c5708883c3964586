/**
 * « Si nous voulons ce marché en 2027, que devons-nous faire, et avant quand ? » For a wished
 * order month, which budget vehicle (initial budget, MB1, MB2: shared/domain/budget.md §4) can
 * still carry the credit, by when the services' request must be ready (the vote minus the
 * calendar's lead weeks), whether douzièmes provisoires block a new commitment (RGCC art. 14),
 * and the earliest month an order is possible, with one French sentence saying why when the wish
 * is not feasible.
 *
 * Rules encoded:
 * - a credit of budget year N pays orders placed in N only (annuality; ordinary credits lapse on
 *   31 December, budget.md §4);
 * - a vehicle carries the credit from the day after its vote: the end of its window with the
 *   defaults (the latest plausible vote), the day after the commune's own date otherwise;
 * - after an election year the new council votes late: no new commitment during the douzièmes
 *   window (defaults), or until its own initial vote when the commune entered one in year N.
 */
import { addDays } from '../brussels-time';
import {
	DEFAULT_BUDGET_CALENDAR,
	periodsForYear,
	type BudgetCalendarConfig,
	type BudgetVehicle
} from '../budget-calendar';
import type { CommuneBudgetDates } from '../commune-budget-calendar';
import { DEFAULT_PLAN_CONFIG, followsElection, type PlanConfig } from './config';
import { dayLabel, firstDayOf, lastDayOf, monthLabel, monthOf, yearOf } from './months';

export interface FeasibilityInput {
	/** 'YYYY-MM-DD', Brussels */
	today: string;
	/** the wished order month, 'YYYY-MM' */
	target: string;
	calendar?: BudgetCalendarConfig;
	/** the commune's own dates, for the years it entered */
	own?: readonly CommuneBudgetDates[];
	plan?: PlanConfig;
}

interface VehicleOption {
	vehicle: BudgetVehicle;
	budgetYear: number;
	askBy: string;
	/** the first day the credit exists, douzièmes counted */
	creditFrom: string;
	/** the same without douzièmes: when the vote alone would give it */
	votedFrom: string;
	/** douzièmes end on that day (the vote or the window's end), or null */
	twelfthsUntil: string | null;
	ownDates: boolean;
}

export interface Feasibility {
	feasible: boolean;
	target: string;
	earliestMonth: string | null;
	budgetYear: number | null;
	vehicle: BudgetVehicle | null;
	askBy: string | null;
	creditFrom: string | null;
	/** the chosen budget year's dates are the defaults (the commune has not entered its own) */
	usesDefaults: boolean;
	/** douzièmes provisoires forbid a new commitment in the wished month */
	provisionalBlocked: boolean;
	/** why the wish is not feasible, one French sentence; null when it is */
	reason: string | null;
	/** what to do: the vehicle and its deadline, one French sentence */
	advice: string | null;
	notes: string[];
}

/** how many budget years ahead the earliest date is searched (always found within two) */
const YEARS_AHEAD = 4;

/**
 * The vehicles of a year depend only on the calendar, the plan configuration, the year and the
 * commune's own dates for that year: a buyer's view asks for the same ones thousands of times, so
 * they are remembered per calendar and configuration object (both read-only: callers pass the
 * same object while its source is unchanged) and by the content of the year's own dates, not the
 * identity of the array they come in (a page reads the calendars afresh on every request).
 * Bounded: the memo of one calendar and configuration is forgotten past `MEMO_LIMIT` entries.
 */
const MEMO_LIMIT = 20_000;
const memo = new WeakMap<BudgetCalendarConfig, WeakMap<PlanConfig, Map<string, VehicleOption[]>>>();

function memoFor(calendar: BudgetCalendarConfig, plan: PlanConfig): Map<string, VehicleOption[]> {
	let byPlan = memo.get(calendar);
	if (!byPlan) memo.set(calendar, (byPlan = new WeakMap()));
	let found = byPlan.get(plan);
	if (!found || found.size > MEMO_LIMIT) byPlan.set(plan, (found = new Map()));
	return found;
}

function ownFor(year: number, own: readonly CommuneBudgetDates[] | undefined) {
	if (!own) return null;
	for (const o of own) if (o.year === year) return o;
	return null;
}

function options(year: number, input: FeasibilityInput): VehicleOption[] {
	const calendar = input.calendar ?? DEFAULT_BUDGET_CALENDAR;
	const plan = input.plan ?? DEFAULT_PLAN_CONFIG;
	const own = ownFor(year, input.own);
	const key = own ? `${year}|${own.initialVote}|${own.mb1 ?? ''}|${own.mb2 ?? ''}` : `${year}`;
	const byKey = memoFor(calendar, plan);
	let found = byKey.get(key);
	if (!found) byKey.set(key, (found = computeOptions(year, calendar, plan, own)));
	return found;
}

function computeOptions(
	year: number,
	calendar: BudgetCalendarConfig,
	plan: PlanConfig,
	own: CommuneBudgetDates | null
): VehicleOption[] {
	const periods = periodsForYear(year, calendar, own);
	const provisional = periods.find((p) => p.kind === 'provisional')!;
	const yearStart = `${year}-01-01`;
	const result: VehicleOption[] = [];
	for (const p of periods) {
		if (p.kind === 'provisional') continue;
		let votedFrom = addDays(p.to, 1);
		if (votedFrom < yearStart) votedFrom = yearStart;
		let creditFrom = votedFrom;
		let twelfthsUntil: string | null = null;
		if (p.kind === 'initial' && own && own.initialVote >= yearStart) {
			// voted during its own year: douzièmes until then, the year's credit otherwise from 1 January
			twelfthsUntil = own.initialVote;
			votedFrom = yearStart;
		}
		if (p.kind === 'initial' && !own && followsElection(year, plan)) {
			twelfthsUntil = provisional.to;
			creditFrom = addDays(provisional.to, 1);
			if (creditFrom < votedFrom) creditFrom = votedFrom;
		}
		result.push({
			vehicle: p.kind,
			budgetYear: year,
			askBy: addDays(p.from, -7 * calendar.leadWeeks),
			creditFrom,
			votedFrom,
			twelfthsUntil,
			ownDates: own !== null
		});
	}
	return result;
}

const named = (o: VehicleOption, capital = false) =>
	o.vehicle === 'initial'
		? `${capital ? 'Le' : 'le'} budget initial ${o.budgetYear}`
		: `${capital ? 'La' : 'la'} ${o.vehicle === 'mb1' ? 'MB1' : 'MB2'} ${o.budgetYear}`;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The earliest order day each open vehicle allows, from `from` on, within its budget year. */
function earliest(input: FeasibilityInput, from: string) {
	let best: { option: VehicleOption; orderFrom: string } | null = null;
	for (let year = yearOf(from); year <= yearOf(from) + YEARS_AHEAD; year++) {
		for (const option of options(year, input)) {
			if (input.today > option.askBy) continue;
			const start = firstDayOf(from);
			const orderFrom = option.creditFrom > start ? option.creditFrom : start;
			if (orderFrom > `${year}-12-31`) continue;
			if (!best || orderFrom < best.orderFrom) best = { option, orderFrom };
		}
		if (best) return best;
	}
	return best;
}

function whyNot(input: FeasibilityInput): { reason: string; blocked: boolean } {
	const { target, today } = input;
	if (target < monthOf(today))
		return { reason: `${capitalise(monthLabel(target))} est déjà passé.`, blocked: false };
	const inTime = options(yearOf(target), input).filter((o) => o.votedFrom <= lastDayOf(target));
	const open = inTime.find((o) => today <= o.askBy && o.twelfthsUntil);
	if (open?.ownDates)
		return {
			reason: `En ${monthLabel(target)}, la commune fonctionne sous douzièmes provisoires jusqu’au vote de son budget ${open.budgetYear} le ${dayLabel(open.twelfthsUntil!)} : aucune nouvelle dépense avant cette date.`,
			blocked: true
		};
	if (open)
		return {
			reason: `En ${monthLabel(target)}, après les élections communales d’octobre ${open.budgetYear - 1}, la commune fonctionne sous douzièmes provisoires : aucune nouvelle dépense avant ${monthLabel(monthOf(open.creditFrom))}.`,
			blocked: true
		};
	const missed = inTime.at(-1);
	if (missed)
		return {
			reason: `Trop tard pour ${named(missed)} : la demande devait être prête avant le ${dayLabel(missed.askBy)}.`,
			blocked: false
		};
	return {
		reason: `Aucun budget ${yearOf(target)} ne peut porter le crédit dès ${monthLabel(target)}.`,
		blocked: false
	};
}

export function planFeasibility(input: FeasibilityInput): Feasibility {
	const { target, today } = input;
	const from = target < monthOf(today) ? monthOf(today) : target;
	const best = earliest(input, from);
	const earliestMonth = best ? monthOf(best.orderFrom) : null;
	const feasible = earliestMonth === target;
	const why = feasible ? null : whyNot(input);
	const o = best?.option ?? null;
	const deadline = o
		? `demande à remettre au service des finances avant le ${dayLabel(o.askBy)}`
		: '';
	const advice = !o
		? null
		: feasible
			? `${named(o, true)} peut porter le crédit : ${deadline}.`
			: `Première date possible : ${monthLabel(earliestMonth!)}, par ${named(o)} (${deadline}).`;
	const notes: string[] = [];
	if (o && !o.ownDates)
		notes.push(
			`Dates par défaut du cycle budgétaire wallon : la commune n’a pas encore encodé son calendrier ${o.budgetYear}.`
		);
	if (o && !o.ownDates && o.vehicle === 'initial' && !o.twelfthsUntil) {
		const calendar = input.calendar ?? DEFAULT_BUDGET_CALENDAR;
		const month = Number(earliestMonth!.slice(5, 7));
		if (month <= calendar.provisionalTwelfths.toMonth)
			notes.push(
				`Si le budget ${o.budgetYear} n’est pas encore approuvé par la tutelle en ${monthLabel(earliestMonth!)}, seules les dépenses strictement nécessaires sont permises (douzièmes provisoires, RGCC art. 14).`
			);
	}
	return {
		feasible,
		target,
		earliestMonth,
		budgetYear: o?.budgetYear ?? null,
		vehicle: o?.vehicle ?? null,
		askBy: o?.askBy ?? null,
		creditFrom: o?.creditFrom ?? null,
		usesDefaults: o ? !o.ownDates : true,
		provisionalBlocked: why?.blocked ?? false,
		reason: why?.reason ?? null,
		advice,
		notes
	};
}
