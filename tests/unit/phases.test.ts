import { describe, expect, it } from 'vitest';
import { PHASES, abilities, canSwitchPhase, type Phase } from '../../src/lib/domain/boards/phases';

describe('group phases', () => {
	it.each<[Phase, boolean, boolean, boolean, boolean]>([
		['collecting', true, false, false, false],
		['prioritising', true, true, false, false],
		['phasing', false, false, true, true],
		['closed', false, false, false, true]
	])(
		'%s: edit cards %s, vote %s, plan waves %s, promote %s',
		(phase, edit, vote, waves, promote) => {
			expect(abilities(phase)).toEqual({
				editCards: edit,
				vote,
				planWaves: waves,
				promote
			});
		}
	);

	const allowed = new Set([
		'collecting>prioritising',
		'prioritising>phasing',
		'phasing>closed',
		'prioritising>collecting',
		'phasing>prioritising'
	]);
	for (const from of PHASES)
		for (const to of PHASES)
			it(`${from} → ${to}: ${allowed.has(`${from}>${to}`)}`, () => {
				expect(canSwitchPhase(from, to)).toBe(allowed.has(`${from}>${to}`));
			});
});
