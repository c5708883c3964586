import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	tallyFacets,
	type FacetFilters,
	type FacetGroup
} from '$lib/domain/catalogue/facet-counts';
import {
	CONTRACT_STATUSES,
	MODULES,
	type ContractStatus,
	type Module
} from '$lib/domain/catalogue/types';

interface Contract {
	theme: string;
	centraleId: number;
	shown: ContractStatus;
	modules: Module[];
}

const THEMES = ['paie', 'telephonie', 'cybersecurite'];
const CENTRALES = [1, 2, 3];

/** What the grouped scan returns for these contracts under the module filter `modules`. */
function grouped(list: Contract[], modules: Module[]): FacetGroup[] {
	const groups = new Map<string, FacetGroup>();
	for (const c of list) {
		const key = `${c.theme}|${c.centraleId}|${c.shown}`;
		let g = groups.get(key);
		if (!g) {
			const withModule = Object.fromEntries(MODULES.map((m) => [m, 0])) as Record<Module, number>;
			g = {
				theme: c.theme,
				centraleId: c.centraleId,
				shown: c.shown,
				passingModules: 0,
				withModule
			};
			groups.set(key, g);
		}
		if (!modules.length || modules.some((m) => c.modules.includes(m))) g.passingModules++;
		for (const m of c.modules) g.withModule[m]++;
	}
	return [...groups.values()];
}

/** How many contracts a click on `value` of `facet` lists: every filter, that facet's replaced. */
function clicked(
	list: Contract[],
	f: FacetFilters & { modules: Module[] },
	facet: 'theme' | 'status' | 'centrale' | 'module',
	value: string | number
): number {
	const with_ = <T>(own: boolean, ticked: readonly T[], v: T) =>
		own ? v === value : !ticked.length || ticked.includes(v);
	return list.filter(
		(c) =>
			with_(facet === 'theme', f.themes, c.theme) &&
			with_(facet === 'status', f.statuses, c.shown) &&
			with_(facet === 'centrale', f.centraleIds, c.centraleId) &&
			(facet === 'module'
				? c.modules.includes(value as Module)
				: !f.modules.length || f.modules.some((m) => c.modules.includes(m))) &&
			(facet === 'status' || !f.currentOnly || !['ended', 'cancelled'].includes(c.shown))
	).length;
}

const nonZero = (entries: [string | number, number][]) =>
	Object.fromEntries(entries.filter(([, n]) => n > 0).map(([k, n]) => [String(k), n]));

const contract = fc.record({
	theme: fc.constantFrom(...THEMES),
	centraleId: fc.constantFrom(...CENTRALES),
	shown: fc.constantFrom(...CONTRACT_STATUSES),
	modules: fc.subarray([...MODULES])
});
const filters = fc.record({
	themes: fc.subarray(THEMES),
	statuses: fc.subarray([...CONTRACT_STATUSES]),
	centraleIds: fc.subarray(CENTRALES),
	modules: fc.subarray([...MODULES]),
	currentOnly: fc.boolean()
});

describe('tallyFacets', () => {
	it('counts, for every option, what ticking it would list', () => {
		fc.assert(
			fc.property(fc.array(contract, { maxLength: 60 }), filters, (list, f) => {
				const counts = tallyFacets(grouped(list, f.modules), f);
				const each = <T extends string | number>(
					facet: Parameters<typeof clicked>[2],
					values: readonly T[]
				) => nonZero(values.map((v) => [v, clicked(list, f, facet, v)]));
				expect(counts.themes).toEqual(each('theme', THEMES));
				expect(counts.statuses).toEqual(each('status', CONTRACT_STATUSES));
				expect(counts.centrales).toEqual(each('centrale', CENTRALES));
				expect(counts.modules).toEqual(each('module', MODULES));
			})
		);
	});

	it('shows ended contracts in the status facet only, while they are hidden', () => {
		const list: Contract[] = [
			{ theme: 'paie', centraleId: 1, shown: 'active', modules: ['software'] },
			{ theme: 'paie', centraleId: 1, shown: 'ended', modules: ['software'] }
		];
		const counts = tallyFacets(grouped(list, []), {
			themes: [],
			statuses: [],
			centraleIds: [],
			currentOnly: true
		});
		expect(counts).toEqual({
			themes: { paie: 1 },
			statuses: { active: 1, ended: 1 },
			centrales: { 1: 1 },
			modules: { software: 1 }
		});
	});
});
