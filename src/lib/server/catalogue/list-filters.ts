/**
 * The catalogue's filters as SQL. A query's text depends only on the filters' *shape* (which are
 * set, how many values each has), every value being a named placeholder: list.ts prepares each
 * shape once and reuses it, since preparing costs as much as running these queries at 10,000
 * contracts, and the filters only make a few dozen shapes.
 */
import { and, gte, inArray, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../domain/catalogue/dates';
import { DEFAULT_RELAUNCH_HORIZON_DAYS } from '../../domain/catalogue/lifecycle';
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

/**
 * The shape of `f`, without the filter on `except` (a facet counts across its own values). Ended
 * and cancelled contracts are hidden until a status is ticked: the status facet counts them as
 * ticking one shows them, so « Terminé (3) » lists three.
 */
export function shapeOf(f: CatalogueFilters, ids: string | undefined, except?: Dimension) {
	const count = (values: unknown[] | undefined, dim: Dimension) =>
		except === dim ? 0 : (values?.length ?? 0);
	const statusTicked = except === 'status' || !!f.statuses?.length;
	return {
		ids: ids !== undefined,
		themes: count(f.themes, 'theme'),
		statuses: count(f.statuses, 'status'),
		centrales: count(f.centraleIds, 'centrale'),
		modules: count(f.modules, 'module'),
		window: f.openNow ? 'open' : !f.includeEnded && !statusTicked ? 'current' : 'all'
	} satisfies FilterShape;
}

/** The placeholders' values for `f`: a query of any shape of `f` takes the ones it names. */
export function filterValues(f: CatalogueFilters, today: string, ids: string | undefined) {
	const values: Record<string, unknown> = {
		today,
		horizon: addDays(today, DEFAULT_RELAUNCH_HORIZON_DAYS),
		ids
	};
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

/**
 * The status a contract shows today, as lifecycle.effectiveStatus decides it: running past its
 * end shows as ended, active within the relaunch horizon (`horizon` = today + that many days) as
 * expiring. Filters and facets use it, so a click lists what the badges say. A CASE expression
 * has no drizzle builder.
 */
export const SHOWN_STATUS = sql<ContractStatus>`case
	when ${contracts.status} in ('active', 'expiring') and ${END} < ${today} then 'ended'
	when ${contracts.status} = 'active' and ${END} <= ${sql.placeholder('horizon')} then 'expiring'
	else ${contracts.status} end`;

/** The where clause of a query of this shape. */
export function whereOf(shape: FilterShape): SQL | undefined {
	const p = predicatesOf(shape);
	return and(p.ids, p.theme, p.status, p.centrale, p.module, p.window);
}

/**
 * Each filter of this shape as its own condition (undefined when that filter is off): the facets
 * (facets.ts) count with all of them but one, in one pass.
 */
export function predicatesOf(
	shape: FilterShape
): Record<Dimension | 'ids' | 'window', SQL | undefined> {
	return {
		// the full-text search's ids arrive as one JSON array: json_each has no drizzle builder
		ids: shape.ids
			? sql`${contracts.id} in (select value from json_each(${sql.placeholder('ids')}))`
			: undefined,
		theme: shape.themes ? inArray(contracts.theme, placeholders('theme', shape.themes)) : undefined,
		status: shape.statuses
			? inArray(SHOWN_STATUS, placeholders('status', shape.statuses))
			: undefined,
		centrale: shape.centrales
			? inArray(contracts.centraleId, placeholders('centrale', shape.centrales))
			: undefined,
		// modules are a JSON array: a module is set when its quoted code occurs (see filterValues)
		module: shape.modules
			? or(
					...placeholders('module', shape.modules).map(
						(m) => sql`instr(${contracts.modules}, ${m}) > 0`
					)
				)
			: undefined,
		window:
			shape.window === 'open'
				? // mirrors lifecycle.canAdhere: running today, from its start to its end
					and(
						inArray(contracts.status, RUNNING),
						or(isNull(contracts.startDate), lte(contracts.startDate, today)),
						gte(END, today)
					)
				: shape.window === 'current'
					? notInArray(SHOWN_STATUS, ['ended', 'cancelled'])
					: undefined
	};
}
