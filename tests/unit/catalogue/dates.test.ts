import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate } from '$lib/domain/catalogue/dates';

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
