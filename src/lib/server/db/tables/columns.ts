/**
 * Column builders the tables share. Not a table module: drizzle-kit reads schema.ts, which does
 * not re-export this file.
 */
import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/**
 * "Now" in UTC milliseconds, computed by SQLite itself. Raw SQL because drizzle has no builder
 * for a computed default, and it must stay a database default (not a `$defaultFn`): the seed's
 * and benchmarks' raw inserts and the migrations' table copies rely on it.
 */
export const NOW_MS = sql`(unixepoch('subsec') * 1000)`;

/** When the row was created, UTC milliseconds (read as a Date). */
export const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' }).notNull().default(NOW_MS);

/** When the row last changed, UTC milliseconds; the database sets it on insert. */
export const updatedAt = () =>
	integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(NOW_MS);
