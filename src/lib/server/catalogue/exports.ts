/** CSV exports: a commune's orders for its accounting; a contract's adhesions for its buyers. */
import { and, asc, eq, ne } from 'drizzle-orm';
import { MODULE_LABELS, ORDER_STATUS } from '../../domain/catalogue/labels';
import { isModule } from '../../domain/catalogue/types';
import { getDb } from '../db/client';
import { epochMs, scalar, sumOrZero } from '../db/expressions';
import { adhesions, contracts, lots, orders, organisations, suppliers } from '../db/schema';
import { csvAmount, toCsv } from './csv';

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function communeOrdersCsv(organisationId: number): string {
	const rows = getDb()
		.select({
			id: orders.id,
			at: epochMs(orders.submittedAt),
			reference: contracts.reference,
			title: contracts.title,
			lot: lots.title,
			supplier: suppliers.name,
			year: orders.budgetYear,
			article: orders.budgetArticle,
			status: orders.status,
			excl: orders.exclVatCents,
			vat: orders.vatCents,
			incl: orders.inclVatCents
		})
		.from(orders)
		.innerJoin(contracts, eq(contracts.id, orders.contractId))
		.innerJoin(lots, eq(lots.id, orders.lotId))
		.leftJoin(suppliers, eq(suppliers.id, lots.supplierId))
		.where(eq(orders.organisationId, organisationId))
		.orderBy(asc(orders.submittedAt))
		.all();
	return toCsv(
		[
			'Commande',
			'Date',
			'Marché',
			'Intitulé',
			'Lot',
			'Adjudicataire',
			'Exercice',
			'Article budgétaire',
			'Statut',
			'Montant HTVA',
			'TVA',
			'Montant TVAC'
		],
		rows.map((r) => [
			r.id,
			dateOf(r.at),
			r.reference,
			r.title,
			r.lot,
			r.supplier,
			r.year,
			r.article,
			ORDER_STATUS[r.status]?.[0] ?? r.status,
			csvAmount(r.excl),
			csvAmount(r.vat),
			csvAmount(r.incl)
		])
	);
}

export function contractAdhesionsCsv(contractId: number): string {
	const db = getDb();
	const ordered = db
		.select({ cents: sumOrZero(orders.exclVatCents) })
		.from(orders)
		.where(and(eq(orders.adhesionId, adhesions.id), ne(orders.status, 'refused')));
	const rows = db
		.select({
			name: organisations.name,
			nis: organisations.nisCode,
			ref: adhesions.decisionReference,
			date: adhesions.decisionDate,
			modules: adhesions.modules,
			quantities: adhesions.estimatedQuantities,
			withdrawn: epochMs(adhesions.withdrawnAt),
			ordered: scalar<number>(ordered)
		})
		.from(adhesions)
		.innerJoin(organisations, eq(organisations.id, adhesions.organisationId))
		.where(eq(adhesions.contractId, contractId))
		.orderBy(asc(organisations.name))
		.all();
	return toCsv(
		[
			'Pouvoir local',
			'Code INS',
			'Décision du collège',
			'Date de la décision',
			'Options',
			'Quantités estimées',
			'Retirée le',
			'Commandé HTVA'
		],
		rows.map((r) => [
			r.name,
			r.nis,
			r.ref,
			r.date,
			r.modules.map((m) => (isModule(m) ? MODULE_LABELS[m] : m)).join(', '),
			r.quantities,
			r.withdrawn ? dateOf(r.withdrawn) : null,
			csvAmount(r.ordered)
		])
	);
}
