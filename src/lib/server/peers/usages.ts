/**
 * « Nous l'utilisons »: the solutions each local authority uses. A commune's active adhesions
 * count as uses without anyone declaring them (shown as « d'après ses adhésions », with no
 * contact consent); a declaration adds the version, since when, and who accepts messages.
 *
 * Read whole and filtered in memory: 75 communes with a few dozen solutions each is a few
 * thousand rows at most, and the page's chart needs every commune anyway.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Module } from '../../domain/catalogue/types';
import { acceptsContact, type ContactConsent } from '../../domain/peers/consent';
import { can, type Actor } from '../../domain/permissions';
import { getDb } from '../db/client';
import { adhesions, contracts, lots, solutionUsages, suppliers } from '../db/schema';

export interface UsageRow {
	/** null for an adhesion nobody declared yet */
	usageId: number | null;
	organisationId: number;
	contractId: number | null;
	contractReference: string | null;
	solutionName: string;
	supplierName: string;
	modules: Module[];
	version: string;
	since: string | null;
	consent: ContactConsent;
	declared: boolean;
}

/** each contract's suppliers, by name, in lot order */
function contractSuppliers(): Map<number, string[]> {
	const rows = getDb()
		.select({ contractId: lots.contractId, name: suppliers.name })
		.from(lots)
		.innerJoin(suppliers, eq(suppliers.id, lots.supplierId))
		.orderBy(asc(lots.contractId), asc(lots.number))
		.all();
	const map = new Map<number, string[]>();
	for (const r of rows) {
		const names = map.get(r.contractId) ?? [];
		if (!names.includes(r.name)) names.push(r.name);
		map.set(r.contractId, names);
	}
	return map;
}

/** Every use, declared or read from an active adhesion; `organisationId` narrows to one. */
export function listUsageRows(organisationId?: number): UsageRow[] {
	const db = getDb();
	const supplierNames = contractSuppliers();
	const declared = db
		.select({
			usage: solutionUsages,
			contractTitle: contracts.title,
			contractReference: contracts.reference
		})
		.from(solutionUsages)
		.leftJoin(contracts, eq(contracts.id, solutionUsages.contractId))
		.where(organisationId ? eq(solutionUsages.organisationId, organisationId) : undefined)
		.all();
	const rows: UsageRow[] = declared.map(({ usage, contractTitle, contractReference }) => ({
		usageId: usage.id,
		organisationId: usage.organisationId,
		contractId: usage.contractId,
		contractReference,
		solutionName: contractTitle ?? usage.solutionName,
		supplierName:
			usage.contractId != null
				? (supplierNames.get(usage.contractId) ?? []).join(', ')
				: usage.supplierName,
		modules: usage.modules,
		version: usage.version,
		since: usage.since,
		consent: { agent: usage.contactAgents, referent: usage.contactReferents },
		declared: true
	}));
	const seen = new Set(rows.map((r) => `${r.organisationId}:${r.contractId}`));
	const active = db
		.select({
			organisationId: adhesions.organisationId,
			contractId: adhesions.contractId,
			modules: adhesions.modules,
			title: contracts.title,
			reference: contracts.reference
		})
		.from(adhesions)
		.innerJoin(contracts, eq(contracts.id, adhesions.contractId))
		.where(
			and(
				isNull(adhesions.withdrawnAt),
				organisationId ? eq(adhesions.organisationId, organisationId) : undefined
			)
		)
		.all();
	for (const a of active) {
		const key = `${a.organisationId}:${a.contractId}`;
		if (seen.has(key)) continue;
		seen.add(key);
		rows.push({
			usageId: null,
			organisationId: a.organisationId,
			contractId: a.contractId,
			contractReference: a.reference,
			solutionName: a.title,
			supplierName: (supplierNames.get(a.contractId) ?? []).join(', '),
			modules: a.modules,
			version: '',
			since: null,
			consent: { agent: false, referent: false },
			declared: false
		});
	}
	return rows;
}

/** what an open-web visitor (and the API) may see: declared uses whose commune accepts contact */
export function isPublicUsage(row: UsageRow): boolean {
	return row.declared && acceptsContact(row.consent);
}

/** One organisation's uses as `viewer` may see them, for its page in the Annuaire. */
export function organisationUsages(organisationId: number, viewer: Actor | null) {
	const all = can(viewer, 'usage.viewAll');
	return listUsageRows(organisationId)
		.filter((r) => all || isPublicUsage(r))
		.sort((a, b) => a.solutionName.localeCompare(b.solutionName, 'fr'))
		.map((r) => ({
			usageId: r.usageId,
			solutionName: r.solutionName,
			contractReference: r.contractReference,
			supplierName: r.supplierName,
			modules: r.modules,
			version: r.version,
			since: r.since,
			contactable:
				r.usageId != null &&
				acceptsContact(r.consent) &&
				can(viewer, 'peer.contact', { organisationId })
		}));
}
