/**
 * When each automatic reminder is due (issue 17, « Following and automatic reminders »). Pure:
 * the job (server/relay/reminders.ts) gives today's Brussels day and the facts; the key of what
 * is due (reminder-keys.ts) is then claimed once, so a rerun or a restart sends nothing twice,
 * and a downtime that skipped a milestone sends only the nearest one still true.
 */
import { daysBetween } from '../catalogue/dates';
import { DEFAULT_END_HORIZONS, dueHorizon } from './reminder-keys';

/** Days before an interest deadline when the communes that have not answered are reminded. */
export const INTEREST_HORIZONS = [14, 3] as const;
/** Days before a budget vote when a commune with declared purchases is reminded. */
export const BUDGET_LEAD_DAYS = 14;
/** The shares of a framework's maximum at which its buyers are told. */
export const CEILING_PERCENTS = [80, 100] as const;

/**
 * The end horizons from `REMINDER_END_DAYS` (e.g. "180,90,30"): positive whole days, largest
 * first. Anything unreadable falls back to the defaults rather than silencing every reminder.
 */
export function endHorizons(value: string | undefined): number[] {
	const parsed = (value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (!parsed.length || parsed.some((v) => !/^\d{1,4}$/.test(v) || Number(v) === 0))
		return [...DEFAULT_END_HORIZONS];
	return [...new Set(parsed.map(Number))].sort((a, b) => b - a);
}

/** The milestone due for a date (an end, a deadline) seen from `today`, or null. */
export function milestoneDue(
	day: string | null,
	today: string,
	horizons: readonly number[]
): number | null {
	if (!day) return null;
	return dueHorizon(daysBetween(today, day), horizons);
}

/** True from `BUDGET_LEAD_DAYS` before a vote until the vote's day. */
export function budgetVoteDue(voteDay: string | null, today: string): boolean {
	if (!voteDay) return false;
	const left = daysBetween(today, voteDay);
	return left >= 0 && left <= BUDGET_LEAD_DAYS;
}

/**
 * The ceiling share reached by what orders commit (80 or 100), or null. Integer arithmetic: no
 * floating-point doubt at the boundary (as domain/catalogue/ceiling.ts).
 */
export function ceilingReached(
	maxValueCents: number | null,
	committedCents: number
): 80 | 100 | null {
	if (!maxValueCents || maxValueCents <= 0) return null;
	const hundredfold = BigInt(committedCents) * 100n;
	const max = BigInt(maxValueCents);
	if (hundredfold >= max * 100n) return 100;
	if (hundredfold >= max * 80n) return 80;
	return null;
}

/**
 * A group session is reminded the day before; after a downtime that skipped that day, on the
 * day itself while it has not started yet.
 */
export function sessionReminderDue(
	sessionDay: string,
	startsAt: number,
	today: string,
	now: number
): boolean {
	const left = daysBetween(today, sessionDay);
	return startsAt > now && (left === 1 || left === 0);
}
