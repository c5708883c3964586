import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextVehicle, periodsForYear } from '../../src/lib/domain/budget-calendar';
import {
	checkCommuneBudgetDates,
	type BudgetDateField,
	type CommuneBudgetDates
} from '../../src/lib/domain/commune-budget-calendar';

const cal = (over: Partial<CommuneBudgetDates> = {}): CommuneBudgetDates => ({
	year: 2027,
	initialVote: '2026-12-14',
	mb1: '2027-05-24',
	mb2: '2027-10-18',
	...over
});

describe('a commune’s own budget dates', () => {
	it.each<[string, Partial<CommuneBudgetDates>, Partial<Record<BudgetDateField, string>>]>([
		['a usual calendar', {}, {}],
		['no amendment planned yet', { mb1: null, mb2: null }, {}],
		['the legal first Monday of October', { initialVote: '2026-10-05' }, {}],
		['an initial budget voted late, in the year itself', { initialVote: '2027-02-08' }, {}],
		['first day of the previous autumn', { initialVote: '2026-09-01' }, {}],
		[
			'missing initial vote',
			{ initialVote: '' },
			{ initialVote: 'Indiquez la date du vote du budget initial 2027.' }
		],
		[
			'initial vote before the previous autumn',
			{ initialVote: '2026-08-31' },
			{
				initialVote:
					'Le budget initial 2027 se vote entre le 1er septembre 2026 et le 31 décembre 2027.'
			}
		],
		[
			'initial vote after the year',
			{ initialVote: '2028-01-10', mb1: null, mb2: null },
			{
				initialVote:
					'Le budget initial 2027 se vote entre le 1er septembre 2026 et le 31 décembre 2027.'
			}
		],
		[
			'not a real date',
			{ mb1: '2027-02-30' },
			{ mb1: 'Indiquez une date, par exemple 2027-05-20.' }
		],
		[
			'MB1 outside the year',
			{ mb1: '2026-12-20' },
			{ mb1: 'La MB1 2027 se vote pendant l’année 2027.' }
		],
		[
			'MB2 outside the year',
			{ mb2: '2028-01-15' },
			{ mb2: 'La MB2 2027 se vote pendant l’année 2027.' }
		],
		[
			'MB1 before the initial budget',
			{ initialVote: '2027-03-01', mb1: '2027-02-01' },
			{ mb1: 'La MB1 se vote après le budget initial.' }
		],
		[
			'MB1 the same day as the initial budget',
			{ initialVote: '2027-03-01', mb1: '2027-03-01' },
			{ mb1: 'La MB1 se vote après le budget initial.' }
		],
		['MB2 before MB1', { mb2: '2027-04-01' }, { mb2: 'La MB2 se vote après la MB1.' }],
		[
			'MB2 without MB1',
			{ mb1: null },
			{ mb2: 'Indiquez d’abord la date de la MB1 : la MB2 vient après elle.' }
		],
		[
			'a year out of range',
			{ year: 1999 },
			{ year: 'Indiquez une année budgétaire entre 2020 et 2100.' }
		]
	])('%s', (_, over, expected) => {
		expect(checkCommuneBudgetDates(cal(over))).toEqual(expected);
	});

	it('accepts exactly the calendars whose dates are in range and in order', () => {
		const day = fc
			.integer({ min: 0, max: 700 })
			.map((n) => new Date(Date.UTC(2026, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
		fc.assert(
			fc.property(day, fc.option(day), fc.option(day), (initialVote, mb1, mb2) => {
				const ok =
					initialVote >= '2026-09-01' &&
					initialVote <= '2027-12-31' &&
					(mb1 == null || (mb1.startsWith('2027-') && mb1 > initialVote)) &&
					(mb2 == null || (mb1 != null && mb2.startsWith('2027-') && mb2 > mb1));
				const errors = checkCommuneBudgetDates({ year: 2027, initialVote, mb1, mb2 });
				expect(Object.keys(errors).length === 0).toBe(ok);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('the calendar shown with a commune’s own dates', () => {
	it('turns each vote into a one-day period', () => {
		expect(periodsForYear(2027, undefined, cal()).map((p) => [p.kind, p.from, p.to])).toEqual([
			['initial', '2026-12-14', '2026-12-14'],
			['provisional', '2027-01-01', '2027-03-31'],
			['mb1', '2027-05-24', '2027-05-24'],
			['mb2', '2027-10-18', '2027-10-18']
		]);
	});

	it('stretches the douzièmes provisoires to a late vote and leaves out unplanned amendments', () => {
		const late = cal({ initialVote: '2027-04-20', mb1: null, mb2: null });
		expect(periodsForYear(2027, undefined, late).map((p) => [p.kind, p.from, p.to])).toEqual([
			['initial', '2027-04-20', '2027-04-20'],
			['provisional', '2027-01-01', '2027-04-20']
		]);
	});

	it('uses the defaults for another year than the one the dates are for', () => {
		expect(periodsForYear(2028, undefined, cal())).toEqual(periodsForYear(2028));
	});

	it('gives the next vehicle from the commune’s dates, six weeks ahead', () => {
		expect(nextVehicle('2027-01-10', 2027, undefined, cal())).toMatchObject({
			vehicle: 'mb1',
			askBy: '2027-04-12'
		});
		// with the defaults MB1 opens on 1 April: asking by mid-February
		expect(nextVehicle('2027-01-10', 2027)).toMatchObject({ vehicle: 'mb1', askBy: '2027-02-18' });
		expect(nextVehicle('2027-08-30', 2027, undefined, cal())).toMatchObject({
			vehicle: 'mb2',
			askBy: '2027-09-06'
		});
		expect(nextVehicle('2027-08-30', 2027, undefined, cal({ mb2: null }))).toBeNull();
	});
});
