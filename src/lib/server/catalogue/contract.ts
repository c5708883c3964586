/** One contract with everything its page shows: lots, suppliers, prices, documents, history. */
import type { ContractStatus, LifecycleSnapshot, Module } from '../../domain/catalogue/types';
import { getDb } from '../db/client';

export interface ContractRow {
	id: number;
	reference: string;
	title: string;
	summary: string;
	description: string;
	theme: string;
	cpvCodes: string[];
	centraleId: number;
	centraleName: string;
	centraleSlug: string;
	centraleKind: string;
	sourceUrl: string | null;
	procedure: string;
	status: ContractStatus;
	interestDeadline: string | null;
	tenderCloseDate: string | null;
	awardDate: string | null;
	startDate: string | null;
	endDate: string | null;
	maxEndDate: string | null;
	estimatedValueCents: number | null;
	maxValueCents: number | null;
	modules: Module[];
	predecessorId: number | null;
	version: number;
	updatedAt: number;
}

export interface LotRow {
	id: number;
	number: number;
	title: string;
	supplierId: number | null;
	supplierName: string | null;
	supplierVat: string | null;
	endDate: string | null;
	items: PriceItemRow[];
}

export interface PriceItemRow {
	id: number;
	lotId: number;
	label: string;
	unit: string;
	/** null: « prix à fixer » */
	unitPriceCents: number | null;
	/** the predecessor's price, for a relaunch: a reference, not a price */
	referenceUnitPriceCents: number | null;
	vatRate: number;
	recurrence: string;
	budgetNature: string;
	suggestedArticle: string | null;
	module: string | null;
}

export interface DocumentRow {
	id: number;
	kind: string;
	title: string;
	isPublic: boolean;
	size: number;
	mime: string;
	originalFilename: string;
}

const CONTRACT_COLUMNS = `c.id, c.reference, c.title, c.summary, c.description, c.theme,
 c.cpv_codes as cpvCodes, c.centrale_id as centraleId, coalesce(o.short_name, o.name) as centraleName,
 o.slug as centraleSlug, o.kind as centraleKind, c.source_url as sourceUrl, c.procedure, c.status,
 c.interest_deadline as interestDeadline, c.tender_close_date as tenderCloseDate,
 c.award_date as awardDate, c.start_date as startDate, c.end_date as endDate,
 c.max_end_date as maxEndDate, c.estimated_value_cents as estimatedValueCents,
 c.max_value_cents as maxValueCents, c.modules, c.predecessor_id as predecessorId, c.version,
 c.updated_at as updatedAt`;

type RawContract = Omit<ContractRow, 'cpvCodes' | 'modules'> & {
	cpvCodes: string;
	modules: string;
};

function decode(row: RawContract): ContractRow {
	return { ...row, cpvCodes: JSON.parse(row.cpvCodes), modules: JSON.parse(row.modules) };
}

/** The contract by reference (or numeric id), or null. */
export function findContract(key: string | number): ContractRow | null {
	const column = typeof key === 'number' ? 'c.id' : 'c.reference';
	const row = getDb()
		.$client.prepare(
			`select ${CONTRACT_COLUMNS} from contracts c join organisations o on o.id = c.centrale_id where ${column} = ?`
		)
		.get(key) as RawContract | undefined;
	return row ? decode(row) : null;
}

export function contractLots(contractId: number): LotRow[] {
	const sqlite = getDb().$client;
	const lots = sqlite
		.prepare(
			`select l.id, l.number, l.title, l.supplier_id as supplierId, s.name as supplierName,
			 s.vat_number as supplierVat, l.end_date as endDate
			 from lots l left join suppliers s on s.id = l.supplier_id where l.contract_id = ? order by l.number`
		)
		.all(contractId) as Omit<LotRow, 'items'>[];
	const items = sqlite
		.prepare(
			`select p.id, p.lot_id as lotId, p.label, p.unit, p.unit_price_cents as unitPriceCents,
			 p.reference_unit_price_cents as referenceUnitPriceCents, p.vat_rate as vatRate, p.recurrence, p.budget_nature as budgetNature,
			 p.suggested_article as suggestedArticle, p.module
			 from price_items p join lots l on l.id = p.lot_id where l.contract_id = ? order by p.id`
		)
		.all(contractId) as PriceItemRow[];
	return lots.map((lot) => ({ ...lot, items: items.filter((i) => i.lotId === lot.id) }));
}

export function contractDocumentList(contractId: number): DocumentRow[] {
	return (
		getDb()
			.$client.prepare(
				`select id, kind, title, is_public as isPublic, size, mime, original_filename as originalFilename
				 from contract_documents where contract_id = ? order by is_public desc, id`
			)
			.all(contractId) as (Omit<DocumentRow, 'isPublic'> & { isPublic: number })[]
	).map((d) => ({ ...d, isPublic: d.isPublic === 1 }));
}

export function contractHistory(contractId: number) {
	return getDb()
		.$client.prepare(
			`select t.from_status as fromStatus, t.to_status as toStatus, t.at, t.note, u.name as byName
			 from contract_transitions t left join users u on u.id = t.by_user_id
			 where t.contract_id = ? order by t.at desc, t.id desc`
		)
		.all(contractId) as {
		fromStatus: ContractStatus | null;
		toStatus: ContractStatus;
		at: number;
		note: string | null;
		byName: string | null;
	}[];
}

/** predecessor and successors by reference, for "remplacé par" links */
export function relatedContracts(contract: ContractRow) {
	const sqlite = getDb().$client;
	const predecessor = contract.predecessorId
		? (sqlite
				.prepare('select id, reference, title, status from contracts where id = ?')
				.get(contract.predecessorId) as {
				id: number;
				reference: string;
				title: string;
				status: ContractStatus;
			})
		: null;
	const successors = sqlite
		.prepare(
			'select id, reference, title, status from contracts where predecessor_id = ? order by id desc'
		)
		.all(contract.id) as { id: number; reference: string; title: string; status: ContractStatus }[];
	return { predecessor, successors };
}

/** Orders counting toward the maximum value (Coopservice): every order not refused. */
export function committedCents(contractId: number): number {
	const row = getDb()
		.$client.prepare(
			"select coalesce(sum(excl_vat_cents), 0) as total from orders where contract_id = ? and status != 'refused'"
		)
		.get(contractId) as { total: number };
	return row.total;
}

/** The facts the lifecycle rules need. */
export function lifecycleSnapshot(
	contract: ContractRow,
	lots: (Pick<LotRow, 'id' | 'supplierId' | 'endDate'> & {
		items?: Pick<PriceItemRow, 'unitPriceCents'>[];
	})[]
): LifecycleSnapshot {
	const hasSuccessor = !!getDb()
		.$client.prepare('select 1 from contracts where predecessor_id = ? limit 1')
		.get(contract.id);
	return {
		status: contract.status,
		lots: lots.map(({ id, supplierId, endDate, items = [] }) => ({
			id,
			supplierId,
			endDate,
			unpricedItems: items.filter((item) => item.unitPriceCents === null).length
		})),
		endDate: contract.endDate,
		maxEndDate: contract.maxEndDate,
		interestDeadline: contract.interestDeadline,
		tenderCloseDate: contract.tenderCloseDate,
		awardDate: contract.awardDate,
		startDate: contract.startDate,
		hasSuccessor
	};
}
