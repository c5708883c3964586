/**
 * Working days in Belgium, for escalations counted "after N working days". Calendar days are
 * 'YYYY-MM-DD' in Europe/Brussels (brussels-time.ts). The ten legal public holidays are those of
 * the Royal Decree of 18 April 1974 (art. 1): 1 January, Easter Monday, 1 May, Ascension,
 * Whit Monday, 21 July, 15 August, 1 November, 11 November, 25 December. Regional and communal
 * days off (27 September, 2 November…) are not general: they are not counted here.
 */
import { addDays, weekday } from '../brussels-time';

/** Easter Sunday of `year` (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, ReadonlySet<string>>();

/** The ten Belgian public holidays of `year`. */
export function belgianHolidays(year: number): ReadonlySet<string> {
	let days = cache.get(year);
	if (!days) {
		const easter = easterSunday(year);
		const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'];
		days = new Set([
			...fixed.map((md) => `${year}-${md}`),
			addDays(easter, 1), // lundi de Pâques
			addDays(easter, 39), // Ascension
			addDays(easter, 50) // lundi de Pentecôte
		]);
		cache.set(year, days);
	}
	return days;
}

export function isWorkingDay(day: string): boolean {
	const w = weekday(day);
	return w !== 0 && w !== 6 && !belgianHolidays(Number(day.slice(0, 4))).has(day);
}

/** The `n`th working day after `day` (n ≥ 1); `day` itself never counts. */
export function addWorkingDays(day: string, n: number): string {
	let current = day;
	for (let left = n; left > 0;) {
		current = addDays(current);
		if (isWorkingDay(current)) left--;
	}
	return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
	let n = 0;
	for (let d = addDays(from); d <= to; d = addDays(d)) if (isWorkingDay(d)) n++;
	return n;
}
