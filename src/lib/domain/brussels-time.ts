/**
 * Calendar days and wall-clock times in Europe/Brussels (DOMAIN.md: dates are calendar dates in
 * Europe/Brussels, times are stored in UTC). Pure: every function takes the instant it works on.
 */

/*
 * Belgium keeps the EU's summer time (Directive 2000/84/EC, the same dates since 1996): UTC+2
 * from the last Sunday of March to the last Sunday of October, both at 01:00 UTC, UTC+1 the rest
 * of the year. Within those years the offset is computed from that rule: no Intl, whose first
 * time-zone formatter costs the server 10 MB of ICU data and allocations for one number.
 * Outside them, Intl's time-zone database answers. The unit test checks the rule against Intl
 * on every change of offset from 1996 to 2100: a tzdata that one day drops summer time fails it.
 */
const RULE_FROM_YEAR = 1996;
const RULE_TO_YEAR = 2099;
const HOUR_MS = 3_600_000;

/** [start, end) of summer time in `year`, in UTC ms */
const summers = new Map<number, readonly [number, number]>();

function summer(year: number): readonly [number, number] {
	let span = summers.get(year);
	if (!span) {
		span = [lastSundayOneUtc(year, 2), lastSundayOneUtc(year, 9)];
		summers.set(year, span);
	}
	return span;
}

/** 01:00 UTC on the last Sunday of `month` (0-based) */
function lastSundayOneUtc(year: number, month: number): number {
	const last = new Date(Date.UTC(year, month + 1, 0));
	return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

let intlParts: Intl.DateTimeFormat | undefined;

/** Outside the rule's years only. */
function intlWallClock(instant: Date) {
	intlParts ??= new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
	const f: Record<string, number> = {};
	for (const p of intlParts.formatToParts(instant))
		if (p.type !== 'literal') f[p.type] = Number(p.value);
	return f as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

function wallClock(instant: Date) {
	const ms = instant.getTime();
	const year = instant.getUTCFullYear();
	if (!(year >= RULE_FROM_YEAR && year <= RULE_TO_YEAR)) return intlWallClock(instant);
	const [start, end] = summer(year);
	const wall = new Date(ms + (ms >= start && ms < end ? 2 : 1) * HOUR_MS);
	return {
		year: wall.getUTCFullYear(),
		month: wall.getUTCMonth() + 1,
		day: wall.getUTCDate(),
		hour: wall.getUTCHours(),
		minute: wall.getUTCMinutes(),
		second: wall.getUTCSeconds()
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day ('YYYY-MM-DD') in Brussels at `instant`. */
export function brusselsDay(instant: Date): string {
	const f = wallClock(instant);
	return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** Minutes Brussels is ahead of UTC at `instant`: 60 in winter, 120 in summer. */
export function brusselsOffsetMinutes(instant: Date): number {
	const f = wallClock(instant);
	const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant when Brussels clocks show `hour:minute` on `day`. On the night clocks jump forward
 * (the last Sunday of March, 02:00 → 03:00) a time inside the gap does not exist: it is taken as
 * the same time of the old offset, which lands just after the jump. On the night they fall back,
 * a time shown twice is the first of the two.
 */
export function brusselsInstant(day: string, hour = 0, minute = 0): Date {
	const [y, m, d] = day.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d, hour, minute);
	// the offsets in force a day either side; the earlier instant that shows this wall time wins
	const offsets = [
		brusselsOffsetMinutes(new Date(wall - 86_400_000)),
		brusselsOffsetMinutes(new Date(wall + 86_400_000))
	].sort((a, b) => b - a);
	const shows = (instant: Date) => {
		const f = wallClock(instant);
		return f.year === y && f.month === m && f.day === d && f.hour === hour && f.minute === minute;
	};
	for (const offset of offsets) {
		const instant = new Date(wall - offset * 60_000);
		if (shows(instant)) return instant;
	}
	// in the spring gap: the old (smaller) offset puts it just after the jump
	return new Date(wall - offsets[offsets.length - 1] * 60_000);
}

/** The day after `day` ('YYYY-MM-DD'), or `days` days later (negative goes back). */
export function addDays(day: string, days = 1): string {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar day. */
export function weekday(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
