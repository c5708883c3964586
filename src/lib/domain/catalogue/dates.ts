/**
 * Calendar dates as 'YYYY-MM-DD' strings (Europe/Brussels calendar days, no time of day).
 * Valid strings compare correctly as text; arithmetic goes through UTC midnight, which has no DST.
 */
const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing day written 'YYYY-MM-DD' (rejects '2026-02-30'). */
export function isCalendarDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = PATTERN.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The day `days` after (or before, when negative) `date`. Throws on an invalid date. */
export function addDays(date: string, days: number): string {
	if (!isCalendarDate(date)) throw new RangeError(`Date invalide : ${date}`);
	const [year, month, day] = date.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const utc = (date: string) => {
		if (!isCalendarDate(date)) throw new RangeError(`Date invalide : ${date}`);
		const [year, month, day] = date.split('-').map(Number);
		return Date.UTC(year, month - 1, day);
	};
	return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Day of the month of the last Sunday of `month` (1–12) in `year`. */
function lastSunday(year: number, month: number): number {
	const last = new Date(Date.UTC(year, month, 0));
	return last.getUTCDate() - last.getUTCDay();
}

/**
 * The calendar day at a Brussels wall-clock time as an ISO 8601 date-time with its offset:
 * '+02:00' in summer time, '+01:00' otherwise. EU rule (Directive 2000/84/EC): summer time from
 * the last Sunday of March to the last Sunday of October, switching at 01:00 UTC, that is before
 * 03:00 local; midnight and 23:59:59 are on the same side as the rest of their day's morning
 * and evening respectively.
 */
export function brusselsDateTime(date: string, time: '00:00:00' | '23:59:59'): string {
	if (!isCalendarDate(date)) throw new RangeError(`Date invalide : ${date}`);
	const [year, month, day] = date.split('-').map(Number);
	const start = lastSunday(year, 3);
	const end = lastSunday(year, 10);
	const morning = time === '00:00:00';
	const afterStart = month > 3 || (month === 3 && (morning ? day > start : day >= start));
	const beforeEnd = month < 10 || (month === 10 && (morning ? day <= end : day < end));
	return `${date}T${time}${afterStart && beforeEnd ? '+02:00' : '+01:00'}`;
}
