import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/lib/domain/brussels-time';
import { DEFAULT_BUDGET_CALENDAR } from '../../../src/lib/domain/budget-calendar';
import type { CommuneBudgetDates } from '../../../src/lib/domain/commune-budget-calendar';
import { followsElection, isElectionYear } from '../../../src/lib/domain/plan/config';
import { planFeasibility } from '../../../src/lib/domain/plan/feasibility';
import { addMonths, lastDayOf } from '../../../src/lib/domain/plan/months';

describe('communal elections', () => {
	it.each([
		[2018, true],
		[2024, true],
		[2025, false],
		[2030, true],
		[2036, true],
		[2027, false]
	])('%i is an election year: %s', (year, expected) => {
		expect(isElectionYear(year)).toBe(expected);
	});

	it('puts the douzièmes after the elections: budgets 2025 and 2031', () => {
		expect([2025, 2026, 2030, 2031].map((y) => followsElection(y))).toEqual([
			true,
			false,
			false,
			true
		]);
	});
});

describe('feasibility of a wished order month with the default calendar', () => {
	// today, wished month, feasible, earliest month, vehicle, budget year, request ready by
	it.each<[string, string, boolean, string, string, number, string]>([
		// the MB2 of the year is past, and so is next year's initial budget: MB1 next year
		['2026-12-06', '2026-12', false, '2027-07', 'mb1', 2027, '2027-02-18'],
		['2026-06-01', '2026-12', true, '2026-12', 'mb2', 2026, '2026-07-21'],
		// MB2 is voted by the end of November: no credit in October
		['2026-06-01', '2026-10', false, '2026-12', 'mb2', 2026, '2026-07-21'],
		['2026-06-01', '2027-02', true, '2027-02', 'initial', 2027, '2026-09-20'],
		['2026-09-20', '2027-01', true, '2027-01', 'initial', 2027, '2026-09-20'],
		['2026-09-21', '2027-01', false, '2027-07', 'mb1', 2027, '2027-02-18'],
		['2027-02-18', '2027-09', true, '2027-09', 'mb1', 2027, '2027-02-18'],
		['2027-02-19', '2027-09', false, '2027-12', 'mb2', 2027, '2027-07-21'],
		['2027-07-22', '2027-12', false, '2028-01', 'initial', 2028, '2027-09-20'],
		// after the elections of October 2024 and 2030: no new commitment before April
		['2024-06-01', '2025-02', false, '2025-04', 'initial', 2025, '2024-09-20'],
		['2030-05-01', '2031-01', false, '2031-04', 'initial', 2031, '2030-09-20'],
		['2030-05-01', '2031-05', true, '2031-05', 'initial', 2031, '2030-09-20'],
		// a wish already past counts from this month
		['2026-12-06', '2026-11', false, '2027-07', 'mb1', 2027, '2027-02-18']
	])(
		'on %s, ordering in %s: feasible %s, earliest %s (%s %i, ask by %s)',
		(today, target, ok, earliest, vehicle, year, askBy) => {
			const f = planFeasibility({ today, target });
			expect(f.feasible).toBe(ok);
			expect(f.earliestMonth).toBe(earliest);
			expect(f.vehicle).toBe(vehicle);
			expect(f.budgetYear).toBe(year);
			expect(f.askBy).toBe(askBy);
			expect(f.usesDefaults).toBe(true);
		}
	);

	it('says in one French sentence why the wish is too late and what works', () => {
		const f = planFeasibility({ today: '2026-12-06', target: '2026-12' });
		expect(f.reason).toBe(
			'Trop tard pour la MB2 2026 : la demande devait être prête avant le 21 juillet 2026.'
		);
		expect(f.advice).toBe(
			'Première date possible : juillet 2027, par la MB1 2027 (demande à remettre au service des finances avant le 18 février 2027).'
		);
	});

	it('names the douzièmes provisoires after an election', () => {
		const f = planFeasibility({ today: '2030-05-01', target: '2031-01' });
		expect(f.reason).toBe(
			'En janvier 2031, après les élections communales d’octobre 2030, la commune fonctionne sous douzièmes provisoires : aucune nouvelle dépense avant avril 2031.'
		);
		expect(f.provisionalBlocked).toBe(true);
	});

	it('explains that a vehicle still open votes its credit too late', () => {
		const f = planFeasibility({ today: '2026-06-01', target: '2026-10' });
		expect(f.reason).toBe(
			'Trop tard pour la MB1 2026 : la demande devait être prête avant le 18 février 2026.'
		);
	});

	it('refuses a month already past', () => {
		const f = planFeasibility({ today: '2026-12-06', target: '2026-11' });
		expect(f.reason).toBe('Novembre 2026 est déjà passé.');
	});

	it('warns of douzièmes in an ordinary year without refusing', () => {
		const f = planFeasibility({ today: '2026-05-01', target: '2027-01' });
		expect(f.feasible).toBe(true);
		expect(f.reason).toBeNull();
		expect(f.notes.join(' ')).toMatch(/douzièmes provisoires/);
	});

	it('gives the vehicle and deadline of a feasible wish', () => {
		const f = planFeasibility({ today: '2026-06-01', target: '2027-02' });
		expect(f.advice).toBe(
			'Le budget initial 2027 peut porter le crédit : demande à remettre au service des finances avant le 20 septembre 2026.'
		);
	});

	it('holds across every day of a year: the earliest month is never before the wish nor the deadline past', () => {
		for (let today = '2027-01-01'; today <= '2027-12-31'; today = addDays(today)) {
			for (const ahead of [0, 3, 7, 12, 18]) {
				const target = addMonths(today.slice(0, 7), ahead);
				const f = planFeasibility({ today, target });
				expect(f.earliestMonth! >= target).toBe(true);
				expect(f.askBy! >= today).toBe(true);
				expect(f.feasible).toBe(f.earliestMonth === target);
				expect(Number(f.earliestMonth!.slice(0, 4))).toBe(f.budgetYear);
				if (!f.feasible) expect(f.reason).toMatch(/\.$/);
			}
		}
	});
});

describe('a commune’s own dates override the defaults', () => {
	const own: CommuneBudgetDates[] = [
		{ year: 2027, initialVote: '2027-01-25', mb1: '2027-05-10', mb2: '2027-10-15' }
	];

	it('lets a late-voting commune still put the wish in its initial budget', () => {
		const withDefaults = planFeasibility({ today: '2026-12-06', target: '2027-03' });
		const withOwn = planFeasibility({ today: '2026-12-06', target: '2027-03', own });
		expect(withDefaults.feasible).toBe(false);
		expect(withOwn).toMatchObject({
			feasible: true,
			vehicle: 'initial',
			askBy: '2026-12-14',
			creditFrom: '2027-01-26',
			usesDefaults: false
		});
	});

	it('carries a credit from the day after its own MB1', () => {
		const f = planFeasibility({ today: '2027-01-10', target: '2027-06', own });
		expect(f).toMatchObject({ feasible: true, vehicle: 'mb1', askBy: '2027-03-29' });
	});

	it('blocks new commitments until its own late initial vote', () => {
		const late = [{ year: 2027, initialVote: '2027-02-10', mb1: null, mb2: null }];
		const f = planFeasibility({ today: '2026-11-01', target: '2027-01', own: late });
		expect(f).toMatchObject({
			feasible: false,
			earliestMonth: '2027-02',
			provisionalBlocked: true
		});
		expect(f.reason).toBe(
			'En janvier 2027, la commune fonctionne sous douzièmes provisoires jusqu’au vote de son budget 2027 le 10 février 2027 : aucune nouvelle dépense avant cette date.'
		);
		// voted in January: the month of the vote itself is feasible
		const f2 = planFeasibility({ today: '2026-11-01', target: '2027-01', own });
		expect(f2).toMatchObject({ feasible: true, creditFrom: '2027-01-26' });
	});

	it('follows its lead weeks', () => {
		const calendar = { ...DEFAULT_BUDGET_CALENDAR, leadWeeks: 2 };
		const f = planFeasibility({ today: '2027-03-01', target: '2027-09', calendar });
		expect(f).toMatchObject({ feasible: true, vehicle: 'mb1', askBy: '2027-03-18' });
	});

	it('uses defaults for years the commune has not entered, and says so', () => {
		const f = planFeasibility({ today: '2027-06-01', target: '2028-02', own });
		expect(f.usesDefaults).toBe(true);
		expect(f.notes).toContain(
			'Dates par défaut du cycle budgétaire wallon : la commune n’a pas encore encodé son calendrier 2028.'
		);
	});

	it('remembers vehicles by the dates themselves: a changed date in a new array is seen, the same dates in a new array give the same answer', () => {
		const once = planFeasibility({ today: '2026-11-01', target: '2027-01', own: [...own] });
		const again = planFeasibility({
			today: '2026-11-01',
			target: '2027-01',
			own: own.map((o) => ({ ...o }))
		});
		expect(again).toEqual(once);
		const moved = planFeasibility({
			today: '2026-11-01',
			target: '2027-01',
			own: own.map((o) => ({ ...o, initialVote: '2027-02-10' }))
		});
		expect(moved).toMatchObject({ feasible: false, earliestMonth: '2027-02' });
	});
});

describe('lastDayOf', () => {
	it.each([
		['2027-01', '2027-01-31'],
		['2027-02', '2027-02-28'],
		['2028-02', '2028-02-29'],
		['2100-02', '2100-02-28'],
		['2000-02', '2000-02-29'],
		['2027-04', '2027-04-30'],
		['2027-06', '2027-06-30'],
		['2027-09', '2027-09-30'],
		['2027-11', '2027-11-30'],
		['2027-12', '2027-12-31']
	])('%s ends on %s', (month, day) => {
		expect(lastDayOf(month)).toBe(day);
	});
});
