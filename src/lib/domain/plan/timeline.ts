/**
 * The plan page's 24 months: each month with the budget votes and request deadlines of the
 * commune's calendar, the orders its intentions plan, and what the commune must do now.
 */
import {
	DEFAULT_BUDGET_CALENDAR,
	periodsForYear,
	type BudgetCalendarConfig
} from '../budget-calendar';
import { addDays } from '../brussels-time';
import type { BudgetNature } from '../catalogue/types';
import type { CommuneBudgetDates } from '../commune-budget-calendar';
import type { YearCost } from './costs';
import type { DecisionStep } from './decisions';
import type { Feasibility } from './feasibility';
import { addMonths, dayLabel, monthLabel, monthOf } from './months';

export type TimelineEventKind = 'deadline' | 'vote' | 'provisional' | 'order';

export interface TimelineEvent {
	kind: TimelineEventKind;
	/** 'YYYY-MM-DD' when the event has a day */
	day: string | null;
	text: string;
}

export interface TimelineMonth {
	month: string;
	label: string;
	events: TimelineEvent[];
}

export interface PlannedIntention {
	id: number;
	title: string;
	targetMonth: string;
	feasibility: Feasibility;
	decisions: DecisionStep[];
}

export const TIMELINE_MONTHS = 24;

export function planTimeline(
	today: string,
	intentions: readonly PlannedIntention[],
	own: readonly CommuneBudgetDates[] = [],
	calendar: BudgetCalendarConfig = DEFAULT_BUDGET_CALENDAR
): TimelineMonth[] {
	const first = monthOf(today);
	const months = Array.from({ length: TIMELINE_MONTHS }, (_, i) => addMonths(first, i));
	const last = months[months.length - 1];
	const byMonth = new Map<string, TimelineEvent[]>(months.map((m) => [m, []]));
	const add = (month: string, event: TimelineEvent) => byMonth.get(month)?.push(event);
	for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)) + 1; year++) {
		const ownYear = own.find((o) => o.year === year) ?? null;
		for (const p of periodsForYear(year, calendar, ownYear)) {
			if (p.kind === 'provisional') {
				add(monthOf(p.from), { kind: 'provisional', day: p.from, text: p.label });
				continue;
			}
			const askBy = addDays(p.from, -7 * calendar.leadWeeks);
			if (askBy >= today)
				add(monthOf(askBy), {
					kind: 'deadline',
					day: askBy,
					text: `Dernier jour pour demander un crédit : ${p.label}`
				});
			const when =
				p.from === p.to
					? `le ${dayLabel(p.from)}`
					: `entre ${monthLabel(monthOf(p.from))} et ${monthLabel(monthOf(p.to))}`;
			add(monthOf(p.from), { kind: 'vote', day: p.from, text: `Vote : ${p.label} (${when})` });
		}
	}
	for (const i of intentions) {
		const month = i.feasibility.earliestMonth ?? i.targetMonth;
		add(month, {
			kind: 'order',
			day: null,
			text: `Commande possible : ${i.title}${month === i.targetMonth ? '' : ` (souhaitée en ${monthLabel(i.targetMonth)})`}`
		});
	}
	return months.map((month) => ({
		month,
		label: monthLabel(month),
		events: byMonth.get(month)!.sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999'))
	}));
}

export interface TodoItem {
	intentionId: number;
	/** 'YYYY-MM-DD' deadline, or null when the step has none */
	by: string | null;
	text: string;
}

/** What the commune must do now, by deadline: credit requests first, then decisions to take. */
export function todoNow(intentions: readonly PlannedIntention[]): TodoItem[] {
	const items: TodoItem[] = [];
	for (const i of intentions) {
		const f = i.feasibility;
		if (f.askBy && f.vehicle)
			items.push({
				intentionId: i.id,
				by: f.askBy,
				text: `${i.title} : demander le crédit au service des finances avant le ${dayLabel(f.askBy)} (${f.vehicle === 'initial' ? `budget initial ${f.budgetYear}` : `${f.vehicle.toUpperCase()} ${f.budgetYear}`}).`
			});
		for (const d of i.decisions)
			if (d.status === 'todo')
				items.push({
					intentionId: i.id,
					by: null,
					text: `${i.title} : ${d.label} (${d.body.toLowerCase()}).`
				});
	}
	return items.sort((a, b) => (a.by ?? '9999').localeCompare(b.by ?? '9999'));
}

export interface YearSpend {
	year: number;
	byNature: Record<BudgetNature, number>;
	exclVatCents: number;
	inclVatCents: number;
}

/** The estimated spend per budget year and service, all intentions together (excl. VAT). */
export function spendByYear(costs: readonly (readonly YearCost[])[]): YearSpend[] {
	const years = new Map<number, YearSpend>();
	for (const list of costs)
		for (const c of list) {
			const y = years.get(c.year) ?? {
				year: c.year,
				byNature: { ordinaire: 0, extraordinaire: 0 },
				exclVatCents: 0,
				inclVatCents: 0
			};
			y.byNature.ordinaire +=
				c.byNature.ordinaire.oneOffCents + c.byNature.ordinaire.recurringCents;
			y.byNature.extraordinaire +=
				c.byNature.extraordinaire.oneOffCents + c.byNature.extraordinaire.recurringCents;
			y.exclVatCents += c.exclVatCents;
			y.inclVatCents += c.inclVatCents;
			years.set(c.year, y);
		}
	return [...years.values()].sort((a, b) => a.year - b.year);
}
