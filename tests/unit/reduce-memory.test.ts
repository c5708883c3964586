import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { reduceMemory } from '../../server/memory';

const youngGenerationMb = () =>
	v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size / 2 ** 20;

describe('giving back what a burst reserved', () => {
	it('shrinks the young generation V8 grew while many new objects survived', async () => {
		const kept: object[] = [];
		for (let i = 0; i < 2_000_000; i++) {
			const o = { i, label: `objet ${i}` };
			if (i % 3 === 0) kept.push(o);
		}
		const grown = youngGenerationMb();
		expect(grown).toBeGreaterThanOrEqual(8);
		await reduceMemory();
		expect(youngGenerationMb()).toBeLessThan(grown / 2);
		expect(kept).toHaveLength(666_667); // what is still referenced stays
	});
});
