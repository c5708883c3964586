/**
 * The catalogue's version: one row whose number SQLite triggers raise on every write to a table
 * the public catalogue reads (contracts, lots, suppliers, price items, organisations; migration
 * catalogue_version_sql). The catalogue's search cache keys its answers by it, so no write path,
 * present or future, can leave a stale answer behind by forgetting to say so.
 */
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

export const catalogueVersion = sqliteTable('catalogue_version', {
	/** always 1: a single row */
	id: integer('id').primaryKey(),
	version: integer('version').notNull().default(0)
});
