/**
 * « Qui utilise quoi ? »: the solutions in use with the communes using each, filtered by module,
 * supplier, intercommunale and territory (arrondissement), searched without accents, and the
 * adoption per arrondissement as a chart with its table.
 */
import { inArray } from 'drizzle-orm';
import { MODULES, type Module } from '../../domain/catalogue/types';
import { can, type Actor } from '../../domain/permissions';
import type { OrganisationKind } from '../../domain/roles';
import { acceptsContact, consentSummary } from '../../domain/peers/consent';
import { adoptionByArrondissement, solutionKey, type UsageFilters } from '../../domain/peers/usage';
import { matchesQuery, normalizeForSearch } from '../../domain/text';
import { getDb } from '../db/client';
import { organisations } from '../db/schema';
import { listCentrales, listCommunes } from '../directory';
import { isPublicUsage, listUsageRows, type UsageRow } from './usages';

/** a signed-in person with their organisation's kind (what `usage.declare` looks at) */
export type Member = Actor & { organisationKind: OrganisationKind };

export const ownOrganisation = (m: Member) => ({
	organisationId: m.organisationId,
	kind: m.organisationKind
});

export function parseUsageFilters(params: URLSearchParams): UsageFilters {
	const module = params.get('module') ?? '';
	return {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		module: (MODULES as readonly string[]).includes(module) ? (module as Module) : '',
		supplier: (params.get('fournisseur') ?? '').trim().slice(0, 200),
		intercommunale: (params.get('intercommunale') ?? '').trim().slice(0, 100),
		arrondissement: (params.get('arrondissement') ?? '').trim().slice(0, 100)
	};
}

interface Place {
	id: number;
	name: string;
	slug: string;
	arrondissement: string;
	intercommunales: { name: string; slug: string }[];
}

/** communes with their territory, and any other authority (CPAS…) that declared a use */
function places(rows: UsageRow[]): Map<number, Place> {
	const map = new Map<number, Place>(listCommunes().map((c) => [c.id, c]));
	const others = [...new Set(rows.map((r) => r.organisationId))].filter((id) => !map.has(id));
	if (others.length)
		for (const o of getDb()
			.select({ id: organisations.id, name: organisations.name, slug: organisations.slug })
			.from(organisations)
			.where(inArray(organisations.id, others))
			.all())
			map.set(o.id, { ...o, arrondissement: '', intercommunales: [] });
	return map;
}

function supplierList(rows: UsageRow[]): string[] {
	const names = new Set(rows.flatMap((r) => r.supplierName.split(', ').filter(Boolean)));
	return [...names].sort((a, b) => a.localeCompare(b, 'fr'));
}

function matches(row: UsageRow, place: Place, f: UsageFilters): boolean {
	if (f.module && !row.modules.includes(f.module)) return false;
	if (f.supplier && !row.supplierName.split(', ').includes(f.supplier)) return false;
	if (f.intercommunale && !place.intercommunales.some((i) => i.slug === f.intercommunale))
		return false;
	if (f.arrondissement && place.arrondissement !== f.arrondissement) return false;
	if (f.q) {
		const text = normalizeForSearch(
			[
				row.solutionName,
				row.supplierName,
				row.version,
				row.contractReference ?? '',
				place.name
			].join(' ')
		);
		if (!matchesQuery(text, f.q)) return false;
	}
	return true;
}

export function whoUsesWhatPage(filters: UsageFilters, viewer: Member | null) {
	const all = listUsageRows();
	const visible = can(viewer, 'usage.viewAll') ? all : all.filter(isPublicUsage);
	const where = places(visible);
	const shown = visible.filter((r) => {
		const place = where.get(r.organisationId);
		return place && matches(r, place, filters);
	});

	const solutions = new Map<
		string,
		{
			key: string;
			name: string;
			contractReference: string | null;
			supplierName: string;
			users: ReturnType<typeof userOf>[];
		}
	>();
	for (const row of shown) {
		const key = solutionKey(row);
		const solution = solutions.get(key) ?? {
			key,
			name: row.solutionName,
			contractReference: row.contractReference,
			supplierName: row.supplierName,
			users: []
		};
		solution.users.push(userOf(row, where.get(row.organisationId)!, viewer));
		solutions.set(key, solution);
	}
	const list = [...solutions.values()]
		.map((s) => ({ ...s, users: s.users.sort((a, b) => a.name.localeCompare(b.name, 'fr')) }))
		.sort((a, b) => b.users.length - a.users.length || a.name.localeCompare(b.name, 'fr'));

	const communes = listCommunes();
	const centrales = listCentrales().filter((c) => c.kind === 'intercommunale');
	return {
		filters,
		solutions: list,
		usageCount: shown.length,
		adoption: adoptionByArrondissement(communes, new Set(shown.map((r) => r.organisationId))),
		options: {
			modules: MODULES,
			suppliers: supplierList(visible),
			intercommunales: centrales.map((c) => ({ slug: c.slug, name: c.shortName ?? c.name })),
			arrondissements: [...new Set(communes.map((c) => c.arrondissement).filter(Boolean))].sort(
				(a, b) => a.localeCompare(b, 'fr')
			)
		},
		canDeclare: !!viewer && can(viewer, 'usage.declare', ownOrganisation(viewer)),
		showsAll: can(viewer, 'usage.viewAll')
	};
}

function userOf(row: UsageRow, place: Place, viewer: Actor | null) {
	return {
		usageId: row.usageId,
		name: place.name,
		slug: place.slug,
		arrondissement: place.arrondissement,
		modules: row.modules,
		version: row.version,
		since: row.since,
		declared: row.declared,
		contact: consentSummary(row.consent),
		// the link to write is offered where someone accepts it and the viewer may write
		contactable:
			row.usageId != null &&
			acceptsContact(row.consent) &&
			can(viewer, 'peer.contact', { organisationId: row.organisationId })
	};
}
