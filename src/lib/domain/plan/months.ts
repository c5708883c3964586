/** Months of a plan: 'YYYY-MM' strings, compared as text; shown as « juillet 2027 ». */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
	return MONTH.test(value);
}

export function monthOf(day: string): string {
	return day.slice(0, 7);
}

export function firstDayOf(month: string): string {
	return `${month}-01`;
}

export function yearOf(month: string): number {
	return Number(month.slice(0, 4));
}

/** The month's last day, 'YYYY-MM-DD', by arithmetic (no Date: it runs for every intention). */
export function lastDayOf(month: string): string {
	const year = yearOf(month);
	const m = Number(month.slice(5, 7));
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
	return `${month}-${days}`;
}

/** `month` moved by `count` months (negative goes back). */
export function addMonths(month: string, count: number): string {
	const index = yearOf(month) * 12 + Number(month.slice(5, 7)) - 1 + count;
	const year = Math.floor(index / 12);
	return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Number of months from `from` to `to`, both included; 0 when `to` is before `from`. */
export function monthsBetween(from: string, to: string): number {
	const index = (m: string) => yearOf(m) * 12 + Number(m.slice(5, 7));
	return Math.max(0, index(to) - index(from) + 1);
}

const NAMES = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
];

/** '2027-07' → « juillet 2027 » */
export function monthLabel(month: string): string {
	return `${NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** '2027-02-18' → « 18 février 2027 » (« 1er » for the first) */
export function dayLabel(day: string): string {
	const d = Number(day.slice(8, 10));
	return `${d === 1 ? '1er' : d} ${monthLabel(monthOf(day))}`;
}
