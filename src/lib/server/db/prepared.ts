/**
 * Queries built and prepared once per connection, then run with `sql.placeholder` values. drizzle
 * builds a query's SQL text on every call, and for a wide select that costs as much as running
 * it (100–400 µs measured on these machines, against 20–40 µs for the prepared statement): the
 * hot paths — the catalogue's pages and search, the sync hub's document store — build theirs here.
 */
import type Database from 'better-sqlite3';
import { is, Param, Placeholder } from 'drizzle-orm';
import { getDb, type Db } from './client';

/** `build` runs on the first call for each connection; later calls return what it made. */
export function preparedQueries<T>(build: (db: Db) => T): () => T {
	const byConnection = new WeakMap<Db, T>();
	return () => {
		const db = getDb();
		let queries = byConnection.get(db);
		if (!queries) byConnection.set(db, (queries = build(db)));
		return queries;
	};
}

/**
 * A query written with the builder but run by better-sqlite3 alone, where drizzle's per-call work
 * shows: it fills placeholders and maps each result row to an object in JS, which measured 2–3 µs
 * (a tenth) of the sync hub's per-update append, and a third of a full-text search returning
 * thousands of ids. Every value of the query must be a placeholder, bound as given (no column
 * encoding); `args` lists the values in the query's order.
 */
export function directStatement(
	sqlite: Database.Database,
	query: { toSQL(): { sql: string; params: unknown[] } }
) {
	const { sql, params } = query.toSQL();
	const names = params.map((param) => {
		const value = is(param, Param) ? param.value : param;
		if (!is(value, Placeholder)) throw new Error(`not a placeholder in: ${sql}`);
		return value.name;
	});
	return {
		statement: sqlite.prepare(sql),
		args: (values: Record<string, unknown>) => names.map((name) => values[name])
	};
}
