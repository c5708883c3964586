/** CSV exports: a commune's orders for its accounting; a contract's adhesions for its buyers. */
import { MODULE_LABELS, ORDER_STATUS } from '../../domain/catalogue/labels';
import { isModule } from '../../domain/catalogue/types';
import { getDb } from '../db/client';
import { csvAmount, toCsv } from './csv';

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function communeOrdersCsv(organisationId: number): string {
	const rows = getDb()
		.$client.prepare(
			`select o.id, o.submitted_at as at, c.reference, c.title, l.title as lot, s.name as supplier,
			 o.budget_year as year, o.budget_article as article, o.status, o.excl_vat_cents as excl,
			 o.vat_cents as vat, o.incl_vat_cents as incl
			 from orders o join contracts c on c.id = o.contract_id join lots l on l.id = o.lot_id
			 left join suppliers s on s.id = l.supplier_id
			 where o.organisation_id = ? order by o.submitted_at`
		)
		.all(organisationId) as {
		id: number;
		at: number;
		reference: string;
		title: string;
		lot: string;
		supplier: string | null;
		year: number;
		article: string;
		status: string;
		excl: number;
		vat: number;
		incl: number;
	}[];
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
	const rows = getDb()
		.$client.prepare(
			`select o.name, o.nis_code as nis, a.decision_reference as ref, a.decision_date as date, a.modules,
			 a.estimated_quantities as quantities, a.withdrawn_at as withdrawn,
			 (select coalesce(sum(excl_vat_cents), 0) from orders x where x.adhesion_id = a.id and x.status != 'refused') as ordered
			 from adhesions a join organisations o on o.id = a.organisation_id
			 where a.contract_id = ? order by o.name`
		)
		.all(contractId) as {
		name: string;
		nis: string | null;
		ref: string;
		date: string;
		modules: string;
		quantities: string;
		withdrawn: number | null;
		ordered: number;
	}[];
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
			(JSON.parse(r.modules) as string[])
				.map((m) => (isModule(m) ? MODULE_LABELS[m] : m))
				.join(', '),
			r.quantities,
			r.withdrawn ? dateOf(r.withdrawn) : null,
			csvAmount(r.ordered)
		])
	);
}
