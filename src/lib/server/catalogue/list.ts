/**
 * The public catalogue: search, facets, sort and pagination over contracts, in SQL so it stays
 * fast at 10,000 contracts. The facets are counted in facets.ts.
 */
import { asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { effectiveStatus } from '../../domain/catalogue/lifecycle';
import type { ContractStatus } from '../../domain/catalogue/types';
import { getDb, type Db } from '../db/client';
import { shortNameOf } from '../db/expressions';
import { contracts, organisations } from '../db/schema';
import {
	END,
	filterValues,
	shapeOf,
	whereOf,
	type CatalogueFilters,
	type FilterShape,
	type Sort
} from './list-filters';
import { SUCCESSOR_REFERENCE, SUCCESSOR_TITLE } from './contract';
import { matchExpression, rankedMatches } from './search-index';

export { SORTS, type CatalogueFilters, type Sort } from './list-filters';

/** A contract as the catalogue lists it: the stored row's columns, and the status it shows. */
export type ContractListItem = ReturnType<ReturnType<typeof listQuery>['all']>[number] & {
	shownStatus: ContractStatus;
};

/** Prepared queries by shape (here and in facets.ts), per connection (a few dozen shapes; bounded all the same). */
const byShape = new WeakMap<Db, Map<string, unknown>>();

export function reused<T>(key: string, build: (db: Db) => T): T {
	const db = getDb();
	let cache = byShape.get(db);
	if (!cache) byShape.set(db, (cache = new Map()));
	let query = cache.get(key) as T | undefined;
	if (!query) {
		if (cache.size >= 200) cache.clear();
		cache.set(key, (query = build(db)));
	}
	return query;
}

/**
 * The ids of the contracts matching what was typed, best first (FTS5 rank), as a JSON array that
 * the other queries read with json_each: the full-text search runs once per page, not per facet.
 * undefined without a query; '[]' when nothing searchable was typed.
 */
export function searchIds(q: string | undefined): string | undefined {
	if (!q) return undefined;
	const match = matchExpression(q);
	if (!match) return '[]';
	return JSON.stringify(rankedMatches(match));
}

// `collate nocase` and END are SQL: drizzle has no builder for either
const ORDER: Record<Sort, SQL[]> = {
	pertinence: [sql`${contracts.title} collate nocase`],
	titre: [sql`${contracts.title} collate nocase`],
	echeance: [sql`${END} is null`, END],
	recent: [desc(contracts.id)]
};

// the search's ids in rank order: json_each has no drizzle builder
const ranked = sql`json_each(${sql.placeholder('ids')}) ranked`;

function listQuery(db: Db, shape: FilterShape, sort: Sort, useRank: boolean) {
	const query = db
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			summary: contracts.summary,
			theme: contracts.theme,
			status: contracts.status,
			centraleId: contracts.centraleId,
			centraleName: shortNameOf(organisations),
			modules: contracts.modules,
			startDate: contracts.startDate,
			endDate: contracts.endDate,
			maxEndDate: contracts.maxEndDate,
			interestDeadline: contracts.interestDeadline,
			tenderCloseDate: contracts.tenderCloseDate,
			sourceUrl: contracts.sourceUrl,
			successorReference: SUCCESSOR_REFERENCE,
			successorTitle: SUCCESSOR_TITLE
		})
		.from(contracts)
		.innerJoin(organisations, eq(organisations.id, contracts.centraleId))
		.$dynamic();
	const ordered = useRank
		? query.innerJoin(ranked, sql`ranked.value = ${contracts.id}`).where(whereOf(shape))
		: query.where(whereOf(shape));
	return ordered
		.orderBy(...(useRank ? [sql`ranked.key`] : []), ...ORDER[sort], asc(contracts.id))
		.limit(sql.placeholder('limit'))
		.offset(sql.placeholder('offset'))
		.prepare();
}

function totalQuery(db: Db, shape: FilterShape) {
	return db.select({ n: count() }).from(contracts).where(whereOf(shape)).prepare();
}

export function listContracts(
	filters: CatalogueFilters,
	today: string,
	ids: string | undefined = searchIds(filters.q)
) {
	const pageSize = Math.min(Math.max(filters.pageSize ?? 20, 1), 100);
	const page = Math.max(filters.page ?? 1, 1);
	const shape = shapeOf(filters, ids);
	const sort = filters.sort ?? (filters.q ? 'pertinence' : 'titre');
	const useRank = sort === 'pertinence' && ids !== undefined;
	const key = JSON.stringify(shape);
	const values = filterValues(filters, today, ids);
	const rows = reused(`list:${key}:${sort}:${useRank}`, (db) =>
		listQuery(db, shape, sort, useRank)
	).all({ ...values, limit: pageSize, offset: (page - 1) * pageSize });
	const total = reused(`total:${key}`, (db) => totalQuery(db, shape)).get(values)!.n;
	const items: ContractListItem[] = rows.map((row) => ({
		...row,
		shownStatus: effectiveStatus(
			{
				...lifecycleDefaults,
				status: row.status,
				endDate: row.endDate,
				maxEndDate: row.maxEndDate
			},
			today
		)
	}));
	return { items, total, page, pageSize, pageCount: Math.max(Math.ceil(total / pageSize), 1) };
}

/** effectiveStatus only reads status and end dates; the rest of the snapshot is irrelevant here */
const lifecycleDefaults = {
	lots: [],
	interestDeadline: null,
	tenderCloseDate: null,
	awardDate: null,
	startDate: null,
	hasSuccessor: false
};
