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
