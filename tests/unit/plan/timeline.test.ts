import { describe, expect, it } from 'vitest';
import { costByBudgetYear } from '../../../src/lib/domain/plan/costs';
import { decisionChain } from '../../../src/lib/domain/plan/decisions';
import { planFeasibility } from '../../../src/lib/domain/plan/feasibility';
import {
	planTimeline,
	spendByYear,
	todoNow,
	type PlannedIntention
} from '../../../src/lib/domain/plan/timeline';

const today = '2026-12-06';
const intention: PlannedIntention = {
	id: 1,
	title: 'GED (lot 1)',
	targetMonth: '2026-12',
	feasibility: planFeasibility({ today, target: '2026-12' }),
	decisions: decisionChain({
		contractStatus: 'active',
		memberOfCentrale: true,
		interestDeclared: false,
		adhered: false,
		recorded: [],
		amountExclVatCents: 100_000
	})
};

describe('the plan’s timeline', () => {
	const months = planTimeline(today, [intention]);

	it('covers 24 months from this one', () => {
		expect(months).toHaveLength(24);
		expect(months[0].label).toBe('décembre 2026');
		expect(months[23].month).toBe('2028-11');
	});

	it('shows the deadlines still to come and the votes', () => {
		const feb = months.find((m) => m.month === '2027-02')!;
		expect(feb.events).toContainEqual({
			kind: 'deadline',
			day: '2027-02-18',
			text: 'Dernier jour pour demander un crédit : MB1 2027'
		});
		const past = months.flatMap((m) => m.events).filter((e) => e.kind === 'deadline');
		expect(past.every((e) => e.day! >= today)).toBe(true);
	});

	it('places the order at the earliest feasible month, saying when it was wished', () => {
		const july = months.find((m) => m.month === '2027-07')!;
		expect(july.events.map((e) => e.text)).toContain(
			'Commande possible : GED (lot 1) (souhaitée en décembre 2026)'
		);
	});

	it('lists what to do now, the credit request first', () => {
		const todo = todoNow([intention]);
		expect(todo[0].text).toBe(
			'GED (lot 1) : demander le crédit au service des finances avant le 18 février 2027 (MB1 2027).'
		);
		expect(todo.map((t) => t.text)).toContain(
			'GED (lot 1) : Adhésion au marché (collège communal).'
		);
	});
});

describe('spend per year and service', () => {
	it('adds the intentions’ years together', () => {
		const a = costByBudgetYear(
			[
				{
					unitPriceCents: 1000,
					quantityHundredths: 100,
					recurrence: 'monthly',
					budgetNature: 'ordinaire',
					vatRate: 21
				}
			],
			'2027-07',
			'2028-12-31'
		);
		const b = costByBudgetYear(
			[
				{
					unitPriceCents: 50_000,
					quantityHundredths: 200,
					recurrence: 'one_off',
					budgetNature: 'extraordinaire',
					vatRate: 21
				}
			],
			'2028-03',
			'2028-12-31'
		);
		expect(spendByYear([a, b])).toEqual([
			{
				year: 2027,
				byNature: { ordinaire: 6000, extraordinaire: 0 },
				exclVatCents: 6000,
				inclVatCents: 7260
			},
			{
				year: 2028,
				byNature: { ordinaire: 12000, extraordinaire: 100_000 },
				exclVatCents: 112_000,
				inclVatCents: 135_520
			}
		]);
	});
});
