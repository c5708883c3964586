/**
 * The public catalogue: search, facets, sort and pagination over contracts, in SQL so it stays
 * fast at 10,000 contracts. Facet counts apply every other filter (the usual faceted search).
 */
import { effectiveStatus } from '../../domain/catalogue/lifecycle';
import type { ContractStatus, Module } from '../../domain/catalogue/types';
import type Database from 'better-sqlite3';
import { getDb } from '../db/client';
import { matchExpression } from './search-index';

/*
 * Prepared statements by SQL text: preparing costs as much as running these queries at 10,000
 * contracts, and the filters only make a few dozen distinct texts.
 */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(sql: string): Database.Statement {
	const sqlite = getDb().$client;
	let cache = prepared.get(sqlite);
	if (!cache) prepared.set(sqlite, (cache = new Map()));
	let stmt = cache.get(sql);
	if (!stmt) {
		if (cache.size >= 200) cache.clear();
		cache.set(sql, (stmt = sqlite.prepare(sql)));
	}
	return stmt;
}

export const SORTS = ['pertinence', 'titre', 'echeance', 'recent'] as const;
export type Sort = (typeof SORTS)[number];

export interface CatalogueFilters {
	q?: string;
	themes?: string[];
	statuses?: ContractStatus[];
	modules?: Module[];
	centraleIds?: number[];
	/** only contracts a commune can adhere to today */
	openNow?: boolean;
	/** include ended and cancelled contracts (hidden by default) */
	includeEnded?: boolean;
	sort?: Sort;
	page?: number;
	pageSize?: number;
}

export interface ContractListItem {
	id: number;
	reference: string;
	title: string;
	summary: string;
	theme: string;
	status: ContractStatus;
	shownStatus: ContractStatus;
	centraleId: number;
	centraleName: string;
	modules: Module[];
	startDate: string | null;
	endDate: string | null;
	maxEndDate: string | null;
	interestDeadline: string | null;
	tenderCloseDate: string | null;
	sourceUrl: string | null;
	successorReference: string | null;
}

export interface Facets {
	themes: Record<string, number>;
	statuses: Record<string, number>;
	modules: Record<string, number>;
	centrales: { id: number; name: string; count: number }[];
}

type Dimension = 'theme' | 'status' | 'module' | 'centrale';

/*
 * The end a contract can be used until (end date capped by the maximum end), as in
 * lifecycle.contractEnd; SQL needs its own spelling of it to filter 10,000 rows.
 */
const END = 'coalesce(min(c.end_date, c.max_end_date), c.end_date, c.max_end_date)';

/**
 * The ids of the contracts matching what was typed, best first (FTS5 rank), as a JSON array that
 * the other queries read with json_each: the full-text search runs once per page, not per facet.
 * undefined without a query; '[]' when nothing searchable was typed.
 */
export function searchIds(q: string | undefined): string | undefined {
	if (!q) return undefined;
	const match = matchExpression(q);
	if (!match) return '[]';
	const rows = statement(
		'select rowid from contract_search where contract_search match ? order by rank'
	)
		.pluck()
		.all(match) as number[];
	return JSON.stringify(rows);
}

function whereClause(
	f: CatalogueFilters,
	today: string,
	ids: string | undefined,
	except?: Dimension
) {
	const clauses: string[] = [];
	const params: (string | number)[] = [];
	if (ids !== undefined) {
		clauses.push('c.id in (select value from json_each(?))');
		params.push(ids);
	}
	const inList = (column: string, values: (string | number)[] | undefined, dim: Dimension) => {
		if (!values?.length || except === dim) return;
		clauses.push(`${column} in (${values.map(() => '?').join(',')})`);
		params.push(...values);
	};
	inList('c.theme', f.themes, 'theme');
	inList('c.status', f.statuses, 'status');
	inList('c.centrale_id', f.centraleIds, 'centrale');
	if (f.modules?.length && except !== 'module') {
		clauses.push(`(${f.modules.map(() => 'instr(c.modules, ?) > 0').join(' or ')})`);
		params.push(...f.modules.map((m) => `"${m}"`));
	}
	// mirrors lifecycle.canAdhere: running today, from its start to its end
	if (f.openNow) {
		clauses.push(
			`c.status in ('active', 'expiring') and (c.start_date is null or c.start_date <= ?) and ${END} >= ?`
		);
		params.push(today, today);
	} else if (!f.includeEnded && !f.statuses?.length) {
		clauses.push(
			`c.status not in ('ended', 'cancelled') and not (c.status in ('active', 'expiring') and ${END} < ?)`
		);
		params.push(today);
	}
	return { sql: clauses.length ? 'where ' + clauses.join(' and ') : '', params };
}

const ORDER: Record<Sort, string> = {
	pertinence: 'c.title collate nocase',
	titre: 'c.title collate nocase',
	echeance: `${END} is null, ${END}`,
	recent: 'c.id desc'
};

export function listContracts(
	filters: CatalogueFilters,
	today: string,
	ids: string | undefined = searchIds(filters.q)
) {
	const pageSize = Math.min(Math.max(filters.pageSize ?? 20, 1), 100);
	const page = Math.max(filters.page ?? 1, 1);
	const where = whereClause(filters, today, ids);
	const sort = filters.sort ?? (filters.q ? 'pertinence' : 'titre');
	const useRank = sort === 'pertinence' && ids !== undefined;
	const rows = statement(
		`select c.id, c.reference, c.title, c.summary, c.theme, c.status, c.centrale_id as centraleId,
			 coalesce(o.short_name, o.name) as centraleName, c.modules, c.start_date as startDate,
			 c.end_date as endDate, c.max_end_date as maxEndDate, c.interest_deadline as interestDeadline,
			 c.tender_close_date as tenderCloseDate, c.source_url as sourceUrl,
			 (select s.reference from contracts s where s.predecessor_id = c.id order by s.id desc limit 1) as successorReference
			 from contracts c join organisations o on o.id = c.centrale_id
			 ${useRank ? 'join json_each(?) r on r.value = c.id' : ''}
			 ${where.sql}
			 order by ${useRank ? 'r.key, ' : ''}${ORDER[sort]}, c.id
			 limit ? offset ?`
	).all(...(useRank ? [ids] : []), ...where.params, pageSize, (page - 1) * pageSize) as (Omit<
		ContractListItem,
		'modules' | 'shownStatus'
	> & { modules: string })[];
	const total = (
		statement(`select count(*) as n from contracts c ${where.sql}`).get(...where.params) as {
			n: number;
		}
	).n;
	const items: ContractListItem[] = rows.map((row) => ({
		...row,
		modules: JSON.parse(row.modules) as Module[],
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

export function catalogueFacets(
	filters: CatalogueFilters,
	today: string,
	ids: string | undefined = searchIds(filters.q)
): Facets {
	const count = (dim: Dimension, select: string) => {
		const where = whereClause(filters, today, ids, dim);
		return statement(
			`select ${select}, count(*) as n from contracts c ${where.sql} group by 1`
		).all(...where.params) as { key: string | number; n: number }[];
	};
	const toRecord = (rows: { key: string | number; n: number }[]) =>
		Object.fromEntries(rows.map((r) => [String(r.key), r.n]));
	const moduleWhere = whereClause(filters, today, ids, 'module');
	const modules = statement(
		`select j.value as key, count(*) as n from contracts c, json_each(c.modules) j ${moduleWhere.sql} group by 1`
	).all(...moduleWhere.params) as { key: string; n: number }[];
	const centrales = count('centrale', 'c.centrale_id as key');
	const names = new Map(
		(
			statement(
				'select id, coalesce(short_name, name) as name from organisations where is_centrale = 1'
			).all() as { id: number; name: string }[]
		).map((o) => [o.id, o.name])
	);
	return {
		themes: toRecord(count('theme', 'c.theme as key')),
		statuses: toRecord(count('status', 'c.status as key')),
		modules: toRecord(modules),
		centrales: [...names]
			.map(([id, name]) => ({ id, name, count: centrales.find((c) => c.key === id)?.n ?? 0 }))
			.sort((a, b) => a.name.localeCompare(b.name, 'fr'))
	};
}
