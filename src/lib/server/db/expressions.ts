/**
 * SQL expressions that drizzle has no builder for, spelled once. Each is a parameterless template
 * over typed columns: no identifier is ever assembled from a string.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { organisations } from './schema';

/** An organisation's short name when it has one (« IGRETEC »), else its name. */
export const shortNameOf = (o: typeof organisations) =>
	sql<string>`coalesce(${o.shortName}, ${o.name})`;

type Millis<C extends SQLiteColumn> = C['_']['notNull'] extends true ? number : number | null;

/**
 * A `timestamp_ms` column as the integer it stores, not as a Date: rows handed to pages, CSV and
 * OCDS carry UTC milliseconds, as they did before drizzle read them.
 */
export function epochMs<C extends SQLiteColumn>(column: C): SQL<Millis<C>> {
	return sql<Millis<C>>`${column}`;
}

/** The sum of a column over the rows, 0 when there are none (drizzle's `sum` gives a string). */
export function sumOrZero(column: SQLiteColumn): SQL<number> {
	return sql<number>`coalesce(sum(${column}), 0)`;
}

/**
 * A correlated subquery as one value of each outer row (a count, a sum, the latest reference):
 * drizzle's select takes no subquery as a field, only its SQL, in parentheses.
 */
export function scalar<T>(query: SQLWrapper): SQL<T> {
	return sql<T>`(${query})`;
}
