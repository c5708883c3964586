/**
 * Facet counts from a grouped scan of the catalogue. A facet's count is what a click on it shows:
 * it applies every other filter, not its own. The database counts the contracts once, grouped by
 * theme, centrale and shown status (which the theme, centrale, status and « current » filters
 * only look at), with how many of each group pass the module filter and carry each module; this
 * adds the groups up for each facet, so one scan serves all four.
 */
import { MODULES, type ContractStatus, type Module } from './types';

export interface FacetGroup {
	theme: string;
	centraleId: number;
	shown: ContractStatus;
	/** contracts of the group that pass the module filter (all of them when it is off) */
	passingModules: number;
	/** contracts of the group that carry each module */
	withModule: Record<Module, number>;
}

export interface FacetFilters {
	themes: readonly string[];
	statuses: readonly ContractStatus[];
	centraleIds: readonly number[];
	/** ended and cancelled contracts hidden (until a status is ticked), except from the status facet */
	currentOnly: boolean;
}

export interface FacetCounts {
	themes: Record<string, number>;
	statuses: Record<string, number>;
	modules: Record<string, number>;
	centrales: Record<string, number>;
}

const HIDDEN: readonly ContractStatus[] = ['ended', 'cancelled'];

/** Options no contract of the result would show are left out, as a grouping query leaves them. */
export function tallyFacets(groups: readonly FacetGroup[], f: FacetFilters): FacetCounts {
	const counts: FacetCounts = { themes: {}, statuses: {}, modules: {}, centrales: {} };
	const add = (facet: Record<string, number>, key: string | number, n: number) => {
		if (n > 0) facet[key] = (facet[key] ?? 0) + n;
	};
	const ticked = <T>(list: readonly T[], value: T) => !list.length || list.includes(value);
	for (const g of groups) {
		const theme = ticked(f.themes, g.theme);
		const status = ticked(f.statuses, g.shown);
		const centrale = ticked(f.centraleIds, g.centraleId);
		const shown = !f.currentOnly || !HIDDEN.includes(g.shown);
		if (status && centrale && shown) add(counts.themes, g.theme, g.passingModules);
		if (theme && centrale) add(counts.statuses, g.shown, g.passingModules);
		if (theme && status && shown) add(counts.centrales, g.centraleId, g.passingModules);
		if (theme && status && centrale && shown)
			for (const m of MODULES) add(counts.modules, m, g.withModule[m]);
	}
	return counts;
}
