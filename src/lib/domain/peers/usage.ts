/**
 * What identifies a solution in use, and adoption per arrondissement. A contract of the
 * catalogue is the solution; a solution bought elsewhere is its name with its supplier, compared
 * without accents or case so « Logiciel État civil » and « logiciel etat civil » are one.
 */
import type { Module } from '../catalogue/types';
import { normalizeForSearch } from '../text';

/** the filters of « Qui utilise quoi ? » (and of /api/v1/usages) */
export interface UsageFilters {
	q: string;
	module: Module | '';
	supplier: string;
	intercommunale: string;
	arrondissement: string;
}

export interface SolutionIdentity {
	contractId: number | null;
	solutionName: string;
	supplierName: string;
}

export function solutionKey(s: SolutionIdentity): string {
	if (s.contractId != null) return `contract:${s.contractId}`;
	return `name:${normalizeForSearch(s.solutionName)}|${normalizeForSearch(s.supplierName)}`;
}

/** 'YYYY-MM' or 'YYYY-MM-DD', not after `today` (a commune says since when it uses something) */
export function validSince(value: string, today: string): boolean {
	const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
	if (!match) return false;
	const [, y, m, d] = match;
	const month = Number(m);
	if (month < 1 || month > 12) return false;
	if (d) {
		const date = new Date(Date.UTC(Number(y), month - 1, Number(d)));
		if (date.getUTCDate() !== Number(d)) return false;
	}
	return value.slice(0, d ? 10 : 7) <= today.slice(0, d ? 10 : 7);
}

export interface ArrondissementAdoption {
	arrondissement: string;
	communes: number;
	using: number;
	/** whole percent of its communes using at least one of the solutions shown */
	percent: number;
}

/**
 * For each arrondissement, how many of its communes use at least one of the listed solutions.
 * `communes` are every commune with its arrondissement; `usingIds` the communes that use one.
 */
export function adoptionByArrondissement(
	communes: readonly { id: number; arrondissement: string }[],
	usingIds: ReadonlySet<number>
): ArrondissementAdoption[] {
	const byName = new Map<string, ArrondissementAdoption>();
	for (const c of communes) {
		if (!c.arrondissement) continue;
		const row = byName.get(c.arrondissement) ?? {
			arrondissement: c.arrondissement,
			communes: 0,
			using: 0,
			percent: 0
		};
		row.communes++;
		if (usingIds.has(c.id)) row.using++;
		byName.set(c.arrondissement, row);
	}
	return [...byName.values()]
		.map((r) => ({ ...r, percent: Math.round((100 * r.using) / r.communes) }))
		.sort((a, b) => a.arrondissement.localeCompare(b.arrondissement, 'fr'));
}
