import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	brusselsDateTime,
	daysBetween,
	isCalendarDate
} from '$lib/domain/catalogue/dates';

describe('calendar dates', () => {
	it.each([
		['2026-11-25', true],
		['2028-02-29', true],
		['2026-02-29', false],
		['2026-13-01', false],
		['2026-1-01', false],
		['2026-11-25T00:00', false],
		['', false],
		[20261125, false],
		[null, false]
	])('isCalendarDate(%o) is %s', (value, expected) => {
		expect(isCalendarDate(value)).toBe(expected);
	});

	it.each([
		['2026-11-25', 180, '2027-05-24'],
		['2026-03-28', 1, '2026-03-29'],
		['2026-10-25', 1, '2026-10-26'],
		['2028-02-28', 1, '2028-02-29'],
		['2027-01-01', -1, '2026-12-31']
	])('addDays(%s, %i) is %s, across DST and leap days', (date, days, expected) => {
		expect(addDays(date, days)).toBe(expected);
		expect(daysBetween(date, expected)).toBe(days);
	});

	it('rejects an invalid date', () => {
		expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
		expect(() => daysBetween('2026-01-01', 'demain')).toThrow(RangeError);
	});

	it('round-trips addDays and daysBetween', () => {
		const day = fc
			.date({
				min: new Date('2000-01-01T00:00:00Z'),
				max: new Date('2099-12-31T00:00:00Z'),
				noInvalidDate: true
			})
			.map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(day, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
				const later = addDays(date, days);
				expect(isCalendarDate(later)).toBe(true);
				expect(daysBetween(date, later)).toBe(days);
				expect(later > date).toBe(days > 0);
			})
		);
	});
});

describe('brusselsDateTime', () => {
	it.each([
		['2026-01-15', '00:00:00', '2026-01-15T00:00:00+01:00'],
		['2026-07-15', '23:59:59', '2026-07-15T23:59:59+02:00'],
		// summer time starts on Sunday 29 March 2026 at 02:00 local
		['2026-03-28', '23:59:59', '2026-03-28T23:59:59+01:00'],
		['2026-03-29', '00:00:00', '2026-03-29T00:00:00+01:00'],
		['2026-03-29', '23:59:59', '2026-03-29T23:59:59+02:00'],
		['2026-03-30', '00:00:00', '2026-03-30T00:00:00+02:00'],
		// and ends on Sunday 25 October 2026 at 03:00 local
		['2026-10-25', '00:00:00', '2026-10-25T00:00:00+02:00'],
		['2026-10-25', '23:59:59', '2026-10-25T23:59:59+01:00'],
		['2026-10-24', '23:59:59', '2026-10-24T23:59:59+02:00'],
		['2027-03-28', '23:59:59', '2027-03-28T23:59:59+02:00']
	] as const)('%s at %s is %s', (date, time, expected) => {
		expect(brusselsDateTime(date, time)).toBe(expected);
	});

	it('agrees with the time zone database for every day of several years', () => {
		const brussels = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Brussels',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		const wallClock = (iso: string) => brussels.format(new Date(iso));
		for (let day = '2024-01-01'; day < '2031-01-01'; day = addDays(day, 1)) {
			expect(wallClock(brusselsDateTime(day, '00:00:00'))).toBe('00:00:00');
			expect(wallClock(brusselsDateTime(day, '23:59:59'))).toBe('23:59:59');
		}
	});
});
