import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkBallot,
	rankNeeds,
	requirementsWeight,
	scoreNeed,
	shuffledForVoter,
	type RankingInput
} from '../../src/lib/domain/boards/ranking';

const none = { must: 0, should: 0, could: 0, wont: 0 };
const need = (cardId: string, over: Partial<RankingInput> = {}): RankingInput => ({
	cardId,
	title: cardId,
	requirements: none,
	votes: [],
	interested: [],
	...over
});

describe('ranking formula', () => {
	it.each([
		[none, 0],
		[{ must: 1, should: 1, could: 1, wont: 5 }, 6],
		[{ must: 4, should: 0, could: 0, wont: 0 }, 12],
		[{ must: 9, should: 2, could: 0, wont: 0 }, 15] // capped
	])('weighs requirements %o as %i', (r, w) => {
		expect(requirementsWeight(r)).toBe(w);
	});

	it('adds points, ten per commune, and the requirements weight', () => {
		const s = scoreNeed(
			need('a', {
				requirements: { must: 2, should: 1, could: 0, wont: 0 },
				votes: [
					{ organisationId: 1, points: 30 },
					{ organisationId: 2, points: 0 }
				],
				interested: [3, 1]
			})
		);
		// points 30; communes {1, 3} (2 gave 0 and declared nothing); weight 8
		expect(s).toMatchObject({ points: 30, communes: 2, requirementsWeight: 8, score: 58 });
	});

	it('ranks by score, breaks ties by points then communes, and shares equal ranks', () => {
		const ranked = rankNeeds([
			need('low', { votes: [{ organisationId: 1, points: 5 }] }), // 5 + 10 = 15
			need('top', { votes: [{ organisationId: 1, points: 60 }] }), // 70
			need('tieA', { votes: [{ organisationId: 2, points: 20 }], interested: [3] }), // 20 + 20 = 40
			need('tieB', { votes: [{ organisationId: 1, points: 30 }] }) // 30 + 10 = 40
		]);
		expect(ranked.map((r) => [r.cardId, r.rank])).toEqual([
			['top', 1],
			['tieB', 2],
			['tieA', 2],
			['low', 4]
		]);
	});

	it('never ranks a need above one that beats it on every term (property)', () => {
		fc.assert(
			fc.property(fc.nat(100), fc.nat(100), fc.nat(5), (p, extra, reqs) => {
				const ranked = rankNeeds([
					need('less', { votes: [{ organisationId: 1, points: p }] }),
					need('more', {
						votes: [{ organisationId: 1, points: p + extra + 1 }],
						requirements: { ...none, must: reqs }
					})
				]);
				expect(ranked[0].cardId).toBe('more');
			})
		);
	});
});

describe('ballot check', () => {
	const known = new Set(['a', 'b']);
	it.each([
		[
			[
				{ cardId: 'a', points: 60 },
				{ cardId: 'b', points: 40 }
			],
			true
		],
		[[{ cardId: 'a', points: 10 }], true],
		[[], true],
		[
			[
				{ cardId: 'a', points: 60 },
				{ cardId: 'b', points: 41 }
			],
			false
		],
		[[{ cardId: 'a', points: -1 }], false],
		[[{ cardId: 'a', points: 1.5 }], false],
		[[{ cardId: 'zz', points: 1 }], false]
	])('%j → %s', (ballot, ok) => {
		expect(checkBallot(ballot, known).ok).toBe(ok);
	});

	it('explains an over-spent ballot with the total', () => {
		const r = checkBallot([{ cardId: 'a', points: 101 }], known);
		expect(r).toEqual({
			ok: false,
			message: 'Vous avez réparti 101 points : le total ne peut pas dépasser 100.'
		});
	});
});

describe('voting order', () => {
	const items = 'abcdefghij'.split('').map((cardId) => ({ cardId }));
	it('is a permutation, stable for a seed, and differs between voters', () => {
		const one = shuffledForVoter(items, 'u1:b1');
		expect(shuffledForVoter(items, 'u1:b1')).toEqual(one);
		expect([...one].sort((x, y) => x.cardId.localeCompare(y.cardId))).toEqual(items);
		const firsts = new Set(
			Array.from({ length: 20 }, (_, i) => shuffledForVoter(items, `u${i}:b1`)[0].cardId)
		);
		expect(firsts.size).toBeGreaterThan(3);
	});
});
