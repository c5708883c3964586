import { describe, expect, it } from 'vitest';
import { dailyAt, every, retryDelayMs, weeklyAt } from '$lib/domain/schedules';

const at = (iso: string) => new Date(iso);

describe('job schedules', () => {
	it('every: due the given time after the last covered instant', () => {
		expect(every(30_000)(at('2027-01-15T10:00:00Z')).toISOString()).toBe(
			'2027-01-15T10:00:30.000Z'
		);
	});

	it.each([
		// covered until before 07:00 Brussels: due the same day
		['2027-01-15T05:00:00Z', '2027-01-15T06:00:00.000Z'],
		// covered exactly up to the due instant: the next day
		['2027-01-15T06:00:00Z', '2027-01-16T06:00:00.000Z'],
		// late evening UTC is already the next day in Brussels
		['2027-01-15T23:30:00Z', '2027-01-16T06:00:00.000Z'],
		// across the spring change (28 March 2027): 07:00 is 05:00 UTC from then on
		['2027-03-27T06:00:00Z', '2027-03-28T05:00:00.000Z'],
		// across the autumn change (31 October 2027): 06:00 UTC again
		['2027-10-30T05:00:00Z', '2027-10-31T06:00:00.000Z']
	])('dailyAt 07:00 after %s is %s', (covered, due) => {
		expect(dailyAt(7)(at(covered)).toISOString()).toBe(due);
	});

	it('weeklyAt: Monday 07:00 Brussels after any instant of the week before', () => {
		const monday = weeklyAt(1, 7);
		expect(monday(at('2027-01-13T12:00:00Z')).toISOString()).toBe('2027-01-18T06:00:00.000Z');
		expect(monday(at('2027-01-18T06:00:00Z')).toISOString()).toBe('2027-01-25T06:00:00.000Z');
		expect(monday(at('2027-01-18T05:59:00Z')).toISOString()).toBe('2027-01-18T06:00:00.000Z');
	});

	it('waits longer after each failure, at most an hour', () => {
		expect([0, 1, 2, 3, 10, 50].map(retryDelayMs)).toEqual([
			0, 30_000, 60_000, 120_000, 3_600_000, 3_600_000
		]);
	});
});
