/**
 * The catalogue's filters as SQL. A query's text depends only on the filters' *shape* (which are
 * set, how many values each has), every value being a named placeholder: list.ts prepares each
 * shape once and reuses it, since preparing costs as much as running these queries at 10,000
 * contracts, and the filters only make a few dozen shapes.
 */
import {
	and,
	gte,
	inArray,
	isNull,
	lt,
	lte,
	not,
	notInArray,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { ContractStatus, Module } from '../../domain/catalogue/types';
import { contracts } from '../db/schema';

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

export type Dimension = 'theme' | 'status' | 'module' | 'centrale';

/** Everything the SQL text of a filtered query depends on, and nothing else. */
export interface FilterShape {
	/** restricted to the full-text search's ids */
	ids: boolean;
	themes: number;
	statuses: number;
	centrales: number;
	modules: number;
	/** open: can be adhered to today; current: not ended nor cancelled; all */
	window: 'open' | 'current' | 'all';
}

/** The shape of `f`, without the filter on `except` (a facet counts across its own values). */
export function shapeOf(f: CatalogueFilters, ids: string | undefined, except?: Dimension) {
	const count = (values: unknown[] | undefined, dim: Dimension) =>
		except === dim ? 0 : (values?.length ?? 0);
	return {
		ids: ids !== undefined,
		themes: count(f.themes, 'theme'),
		statuses: count(f.statuses, 'status'),
		centrales: count(f.centraleIds, 'centrale'),
		modules: count(f.modules, 'module'),
		window: f.openNow ? 'open' : !f.includeEnded && !f.statuses?.length ? 'current' : 'all'
	} satisfies FilterShape;
}

/** The placeholders' values for `f`: a query of any shape of `f` takes the ones it names. */
export function filterValues(f: CatalogueFilters, today: string, ids: string | undefined) {
	const values: Record<string, unknown> = { today, ids };
	const name = (prefix: string, list: unknown[] = []) =>
		list.forEach((value, i) => (values[`${prefix}${i}`] = value));
	name('theme', f.themes);
	name('status', f.statuses);
	name('centrale', f.centraleIds);
	// modules are stored as a JSON array: a module is set when its quoted code occurs
	name(
		'module',
		f.modules?.map((m) => `"${m}"`)
	);
	return values;
}

const placeholders = (prefix: string, n: number) =>
	Array.from({ length: n }, (_, i) => sql.placeholder(`${prefix}${i}`));

/*
 * The end a contract can be used until (end date capped by the maximum end), as in
 * lifecycle.contractEnd; SQL needs its own spelling of it to filter 10,000 rows. SQLite's
 * two-argument min() has no drizzle builder.
 */
export const END = sql`coalesce(min(${contracts.endDate}, ${contracts.maxEndDate}), ${contracts.endDate}, ${contracts.maxEndDate})`;

const RUNNING: ContractStatus[] = ['active', 'expiring'];
const today = sql.placeholder('today');

/** The where clause of a query of this shape. */
export function whereOf(shape: FilterShape): SQL | undefined {
	return and(
		// the full-text search's ids arrive as one JSON array: json_each has no drizzle builder
		shape.ids
			? sql`${contracts.id} in (select value from json_each(${sql.placeholder('ids')}))`
			: undefined,
		shape.themes ? inArray(contracts.theme, placeholders('theme', shape.themes)) : undefined,
		shape.statuses ? inArray(contracts.status, placeholders('status', shape.statuses)) : undefined,
		shape.centrales
			? inArray(contracts.centraleId, placeholders('centrale', shape.centrales))
			: undefined,
		// modules are a JSON array: a module is set when its quoted code occurs (see filterValues)
		shape.modules
			? or(
					...placeholders('module', shape.modules).map(
						(m) => sql`instr(${contracts.modules}, ${m}) > 0`
					)
				)
			: undefined,
		// mirrors lifecycle.canAdhere: running today, from its start to its end
		shape.window === 'open'
			? and(
					inArray(contracts.status, RUNNING),
					or(isNull(contracts.startDate), lte(contracts.startDate, today)),
					gte(END, today)
				)
			: undefined,
		shape.window === 'current'
			? and(
					notInArray(contracts.status, ['ended', 'cancelled']),
					not(and(inArray(contracts.status, RUNNING), lt(END, today))!)
				)
			: undefined
	);
}
