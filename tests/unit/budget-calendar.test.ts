import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BUDGET_CALENDAR,
	inProvisionalTwelfths,
	legalBudgetVoteDate,
	nextVehicle,
	periodsForYear,
	vehiclesStillOpen
} from '../../src/lib/domain/budget-calendar';

describe('budget calendar', () => {
	it.each([
		[2026, '2026-10-05'],
		[2027, '2027-10-04'],
		[2028, '2028-10-02'],
		[2029, '2029-10-01'],
		[2023, '2023-10-02']
	])('the legal vote of the %i budget cycle is the first Monday of October: %s', (y, d) => {
		expect(legalBudgetVoteDate(y)).toBe(d);
	});

	it('lays out the periods of a budget year from the defaults', () => {
		expect(periodsForYear(2027).map((p) => [p.kind, p.from, p.to])).toEqual([
			['initial', '2026-11-01', '2026-12-31'],
			['provisional', '2027-01-01', '2027-03-31'],
			['mb1', '2027-04-01', '2027-06-30'],
			['mb2', '2027-09-01', '2027-11-30']
		]);
	});

	it.each([
		// today, target year, vehicles still open
		['2026-06-01', 2027, ['initial', 'mb1', 'mb2']],
		['2026-09-20', 2027, ['initial', 'mb1', 'mb2']], // ask by 2026-09-20 (6 weeks before Nov 1)
		['2026-09-21', 2027, ['mb1', 'mb2']],
		['2027-02-18', 2027, ['mb1', 'mb2']],
		['2027-02-19', 2027, ['mb2']],
		['2027-07-21', 2027, ['mb2']],
		['2027-07-22', 2027, []],
		['2027-12-01', 2027, []]
	])('on %s a credit for %i can still go in %j', (today, year, expected) => {
		expect(vehiclesStillOpen(today, year).map((v) => v.vehicle)).toEqual(expected);
	});

	it('follows a commune’s own calendar instead of the defaults', () => {
		const late = {
			...DEFAULT_BUDGET_CALENDAR,
			initialBudget: { fromMonth: 12, toMonth: 12 },
			leadWeeks: 2
		};
		expect(nextVehicle('2026-11-10', 2027, late)).toMatchObject({
			vehicle: 'initial',
			askBy: '2026-11-17'
		});
		expect(nextVehicle('2026-11-10', 2027)?.vehicle).toBe('mb1');
		expect(nextVehicle('2028-01-01', 2027)).toBeNull();
	});

	it.each([
		['2027-01-15', true],
		['2027-03-31', true],
		['2027-04-01', false],
		['2027-12-01', false]
	])('%s under douzièmes provisoires: %s', (d, expected) => {
		expect(inProvisionalTwelfths(d)).toBe(expected);
	});
});
