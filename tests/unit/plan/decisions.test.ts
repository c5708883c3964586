import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_CONFIG } from '../../../src/lib/domain/plan/config';
import {
	decisionChain,
	type DecisionKind,
	type DecisionSituation,
	type DecisionStatus
} from '../../../src/lib/domain/plan/decisions';

const base: DecisionSituation = {
	contractStatus: 'active',
	memberOfCentrale: false,
	interestDeclared: false,
	adhered: false,
	recorded: [],
	amountExclVatCents: 1_000_000
};

const statuses = (s: DecisionSituation, config = DEFAULT_PLAN_CONFIG) =>
	Object.fromEntries(decisionChain(s, config).map((d) => [d.kind, d.status])) as Record<
		DecisionKind,
		DecisionStatus
	>;

describe('the chain of decisions an intention needs', () => {
	it.each<[string, Partial<DecisionSituation>, Partial<Record<DecisionKind, DecisionStatus>>]>([
		[
			'a newcomer to an active contract',
			{},
			{
				centraleMembership: 'todo',
				interest: 'closed',
				contractAdhesion: 'todo',
				order: 'todo',
				financeOpinion: 'notNeeded',
				tutelleCheck: 'notNeeded'
			}
		],
		[
			'a member before the procedure',
			{ contractStatus: 'planned', memberOfCentrale: true },
			{
				centraleMembership: 'done',
				interest: 'todo',
				contractAdhesion: 'later',
				order: 'later'
			}
		],
		[
			'a member who declared its interest while tendering',
			{ contractStatus: 'tendering', memberOfCentrale: true, interestDeclared: true },
			{ interest: 'done', contractAdhesion: 'later' }
		],
		[
			'an adherent ordering above the finance director’s threshold',
			{ memberOfCentrale: true, adhered: true, amountExclVatCents: 2_200_001 },
			{ contractAdhesion: 'done', order: 'todo', financeOpinion: 'todo', tutelleCheck: 'notNeeded' }
		],
		[
			'exactly at the threshold: no opinion needed',
			{ amountExclVatCents: 2_200_000 },
			{ financeOpinion: 'notNeeded' }
		],
		[
			'a large order to check against the tutelle',
			{ amountExclVatCents: 3_100_000 },
			{ financeOpinion: 'todo', tutelleCheck: 'todo' }
		],
		[
			'decisions recorded in the plan count as taken',
			{
				recorded: ['centraleMembership', 'contractAdhesion', 'order', 'financeOpinion'],
				amountExclVatCents: 5_000_000
			},
			{
				centraleMembership: 'done',
				contractAdhesion: 'done',
				order: 'done',
				financeOpinion: 'done'
			}
		],
		[
			'an ended contract takes no order',
			{ contractStatus: 'ended' },
			{ order: 'closed', contractAdhesion: 'closed' }
		]
	])('%s', (_, situation, expected) => {
		expect(statuses({ ...base, ...situation })).toMatchObject(expected);
	});

	it('reads the thresholds from configuration', () => {
		const config = { ...DEFAULT_PLAN_CONFIG, financeOpinionThresholdCents: 500_000 };
		expect(statuses(base, config).financeOpinion).toBe('todo');
	});

	it('names the body deciding and the legal reference of each step', () => {
		const chain = decisionChain(base);
		expect(chain.map((d) => d.body)).toEqual([
			'Conseil communal',
			'Collège communal',
			'Collège communal',
			'Collège communal',
			'Directeur financier',
			'Tutelle'
		]);
		expect(chain[0].legal).toMatch(/L1222-7/);
		expect(chain[1].legal).toMatch(/C-216\/17/);
		expect(chain[4].legal).toMatch(/L1124-40/);
		expect(chain[5].legal).toMatch(/L3122-2/);
	});
});
