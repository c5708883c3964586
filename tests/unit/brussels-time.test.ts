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
