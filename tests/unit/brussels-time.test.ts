import { describe, expect, it } from 'vitest';
import {
	addDays,
	brusselsDay,
	brusselsInstant,
	brusselsOffsetMinutes,
	weekday
} from '$lib/domain/brussels-time';

describe('Brussels calendar days and wall-clock times', () => {
	it.each([
		['2026-12-31T22:59:59Z', '2026-12-31'],
		['2026-12-31T23:00:00Z', '2027-01-01'],
		['2027-06-30T21:59:59Z', '2027-06-30'],
		['2027-06-30T22:00:00Z', '2027-07-01']
	])('%s is %s in Brussels', (instant, day) => {
		expect(brusselsDay(new Date(instant))).toBe(day);
	});

	it('is one hour ahead of UTC in winter and two in summer', () => {
		expect(brusselsOffsetMinutes(new Date('2027-01-15T12:00:00Z'))).toBe(60);
		expect(brusselsOffsetMinutes(new Date('2027-07-15T12:00:00Z'))).toBe(120);
	});

	it.each([
		// an ordinary winter and summer day
		['2027-01-15', 7, 0, '2027-01-15T06:00:00.000Z'],
		['2027-07-15', 7, 0, '2027-07-15T05:00:00.000Z'],
		// 28 March 2027: clocks jump from 02:00 to 03:00 (01:00 UTC)
		['2027-03-28', 1, 30, '2027-03-28T00:30:00.000Z'],
		['2027-03-28', 2, 30, '2027-03-28T01:30:00.000Z'], // does not exist: just after the jump
		['2027-03-28', 3, 30, '2027-03-28T01:30:00.000Z'],
		['2027-03-28', 4, 0, '2027-03-28T02:00:00.000Z'],
		// 31 October 2027: clocks fall back from 03:00 to 02:00 (01:00 UTC); 02:30 is shown twice
		['2027-10-31', 2, 30, '2027-10-31T00:30:00.000Z'],
		['2027-10-31', 3, 30, '2027-10-31T02:30:00.000Z'],
		['2027-10-31', 0, 0, '2027-10-30T22:00:00.000Z']
	])('%s at %i:%i in Brussels is %s', (day, hour, minute, iso) => {
		expect(brusselsInstant(day, hour, minute).toISOString()).toBe(iso);
	});

	it('finds noon of every day of a year on the same day', () => {
		for (let day = '2027-01-01'; day < '2028-01-01'; day = addDays(day)) {
			const instant = brusselsInstant(day, 12, 0);
			expect(brusselsDay(instant)).toBe(day);
		}
	});

	it('counts days across months and years, and knows weekdays', () => {
		expect(addDays('2027-02-28')).toBe('2027-03-01');
		expect(addDays('2028-02-28')).toBe('2028-02-29');
		expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
		expect(weekday('2027-03-28')).toBe(0);
		expect(weekday('2027-03-29')).toBe(1);
	});
});

describe('the summer-time rule against Intl’s time-zone database', () => {
	const intl = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
	const reference = (instant: Date) => {
		const f = Object.fromEntries(
			intl
				.formatToParts(instant)
				.filter((p) => p.type !== 'literal')
				.map((p) => [p.type, Number(p.value)])
		);
		const shown = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
		return {
			day: `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`,
			offset: Math.round((shown - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
		};
	};
	const agree = (instant: Date) =>
		expect(
			{ day: brusselsDay(instant), offset: brusselsOffsetMinutes(instant) },
			instant.toISOString()
		).toEqual(reference(instant));

	it('agrees on both sides of every change of offset, 1990 to 2100', () => {
		for (let year = 1990; year <= 2100; year++) {
			for (const month of [2, 9]) {
				// 01:00 UTC on the month's last Sunday, where the rule changes the offset
				const last = new Date(Date.UTC(year, month + 1, 0));
				const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
				for (const delta of [-86_400_000, -3_600_000, -1000, 0, 1000, 3_600_000, 86_400_000])
					agree(new Date(change + delta));
			}
		}
	});

	it('agrees twice a month at midnight and noon, 1990 to 2100', () => {
		for (let year = 1990; year <= 2100; year++)
			for (let month = 0; month < 12; month++)
				for (const day of [1, 15])
					for (const hour of [0, 12, 23]) agree(new Date(Date.UTC(year, month, day, hour, 30, 15)));
	});
});
