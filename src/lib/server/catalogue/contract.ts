/** One contract with everything its page shows: lots, suppliers, prices, documents, history. */
import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/sqlite-core';
import type { LifecycleSnapshot } from '../../domain/catalogue/types';
import { epochMs, scalar, shortNameOf, sumOrZero } from '../db/expressions';
import { preparedQueries } from '../db/prepared';
import {
	contractDocuments,
	contractTransitions,
	contracts,
	lots,
	orders,
	organisations,
	priceItems,
	suppliers,
	users
} from '../db/schema';

/**
 * A contract as stored (JSON columns decoded), with the name and kind of its lead centrale. Who
 * created it, and when, stay out: the row reaches the browser in page data.
 */
export type ContractRow = Omit<typeof contracts.$inferSelect, 'createdBy' | 'createdAt'> & {
	centraleName: string;
	centraleSlug: string;
	centraleKind: (typeof organisations.$inferSelect)['kind'];
};

/** « prix à fixer » is a null unit price; a relaunch keeps its predecessor's as a reference. */
export type PriceItemRow = typeof priceItems.$inferSelect;

export type LotRow = Pick<
	typeof lots.$inferSelect,
	'id' | 'number' | 'title' | 'supplierId' | 'endDate'
> & {
	supplierName: string | null;
	supplierVat: string | null;
	items: PriceItemRow[];
};

export type DocumentRow = Pick<
	typeof contractDocuments.$inferSelect,
	'id' | 'kind' | 'title' | 'isPublic' | 'size' | 'mime' | 'originalFilename'
>;

const key = sql.placeholder('key');
const {
	createdBy: _createdBy,
	createdAt: _createdAt,
	...CONTRACT_COLUMNS
} = getTableColumns(contracts);

const successor = alias(contracts, 'successor');

/** The latest successor's column (its relaunch), or null: a column for lists. */
const successorColumn = <T>(column: (typeof successor)['reference' | 'title']) =>
	scalar<T | null>(
		new QueryBuilder()
			.select({ value: column })
			.from(successor)
			.where(eq(successor.predecessorId, contracts.id))
			.orderBy(desc(successor.id))
			.limit(1)
	);

/** The reference of a contract's latest successor (its relaunch), or null: a column for lists. */
export const SUCCESSOR_REFERENCE = successorColumn<string>(successor.reference);
/** The title of that successor, or null. */
export const SUCCESSOR_TITLE = successorColumn<string>(successor.title);

const queries = preparedQueries((db) => {
	const contract = () =>
		db
			.select({
				...CONTRACT_COLUMNS,
				centraleName: shortNameOf(organisations),
				centraleSlug: organisations.slug,
				centraleKind: organisations.kind
			})
			.from(contracts)
			.innerJoin(organisations, eq(organisations.id, contracts.centraleId));
	const related = { id: contracts.id, reference: contracts.reference, title: contracts.title };
	return {
		byId: contract().where(eq(contracts.id, key)).prepare(),
		byReference: contract().where(eq(contracts.reference, key)).prepare(),
		lots: db
			.select({
				id: lots.id,
				number: lots.number,
				title: lots.title,
				supplierId: lots.supplierId,
				supplierName: suppliers.name,
				supplierVat: suppliers.vatNumber,
				endDate: lots.endDate
			})
			.from(lots)
			.leftJoin(suppliers, eq(suppliers.id, lots.supplierId))
			.where(eq(lots.contractId, key))
			.orderBy(asc(lots.number))
			.prepare(),
		items: db
			.select(getTableColumns(priceItems))
			.from(priceItems)
			.innerJoin(lots, eq(lots.id, priceItems.lotId))
			.where(eq(lots.contractId, key))
			.orderBy(asc(priceItems.id))
			.prepare(),
		documents: db
			.select({
				id: contractDocuments.id,
				kind: contractDocuments.kind,
				title: contractDocuments.title,
				isPublic: contractDocuments.isPublic,
				size: contractDocuments.size,
				mime: contractDocuments.mime,
				originalFilename: contractDocuments.originalFilename
			})
			.from(contractDocuments)
			.where(eq(contractDocuments.contractId, key))
			.orderBy(desc(contractDocuments.isPublic), asc(contractDocuments.id))
			.prepare(),
		history: db
			.select({
				fromStatus: contractTransitions.fromStatus,
				toStatus: contractTransitions.toStatus,
				at: epochMs(contractTransitions.at),
				note: contractTransitions.note,
				byName: users.name
			})
			.from(contractTransitions)
			.leftJoin(users, eq(users.id, contractTransitions.byUserId))
			.where(eq(contractTransitions.contractId, key))
			.orderBy(desc(contractTransitions.at), desc(contractTransitions.id))
			.prepare(),
		predecessor: db
			.select({ ...related, status: contracts.status })
			.from(contracts)
			.where(eq(contracts.id, key))
			.prepare(),
		successors: db
			.select({ ...related, status: contracts.status })
			.from(contracts)
			.where(eq(contracts.predecessorId, key))
			.orderBy(desc(contracts.id))
			.prepare(),
		hasSuccessor: db
			.select({ id: contracts.id })
			.from(contracts)
			.where(eq(contracts.predecessorId, key))
			.limit(1)
			.prepare(),
		committed: db
			.select({ total: sumOrZero(orders.exclVatCents) })
			.from(orders)
			.where(and(eq(orders.contractId, key), ne(orders.status, 'refused')))
			.prepare()
	};
});

/** The contract by reference (or numeric id), or null. */
export function findContract(ref: string | number): ContractRow | null {
	const q = queries();
	return (typeof ref === 'number' ? q.byId : q.byReference).get({ key: ref }) ?? null;
}

export function contractLots(contractId: number): LotRow[] {
	const q = queries();
	const items = q.items.all({ key: contractId });
	return q.lots
		.all({ key: contractId })
		.map((lot) => ({ ...lot, items: items.filter((i) => i.lotId === lot.id) }));
}

export function contractDocumentList(contractId: number): DocumentRow[] {
	return queries().documents.all({ key: contractId });
}

export function contractHistory(contractId: number) {
	return queries().history.all({ key: contractId });
}

/** predecessor and successors by reference, for "remplacé par" links */
export function relatedContracts(contract: ContractRow) {
	const q = queries();
	const predecessor = contract.predecessorId
		? (q.predecessor.get({ key: contract.predecessorId }) ?? null)
		: null;
	return { predecessor, successors: q.successors.all({ key: contract.id }) };
}

/** Orders counting toward the maximum value (Coopservice): every order not refused. */
export function committedCents(contractId: number): number {
	return queries().committed.get({ key: contractId })!.total;
}

/** The facts the lifecycle rules need. */
export function lifecycleSnapshot(
	contract: ContractRow,
	lots: (Pick<LotRow, 'id' | 'supplierId' | 'endDate'> & {
		items?: Pick<PriceItemRow, 'unitPriceCents'>[];
	})[]
): LifecycleSnapshot {
	const hasSuccessor = !!queries().hasSuccessor.get({ key: contract.id });
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
