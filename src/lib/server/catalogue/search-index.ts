/**
 * Keeps the FTS5 table `contract_search` (trigram, accent-free) in step with the catalogue: one
 * row per contract, rowid = contract id, holding its texts, theme label, supplier names and price
 * item labels, so "securite" finds "Audit de cybersécurité" and a supplier's name finds its lots.
 */
import type Database from 'better-sqlite3';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { THEMES, isTheme } from '../../domain/catalogue/labels';
import { directStatement, preparedQueries } from '../db/prepared';
import { contracts, lots, priceItems, suppliers } from '../db/schema';

/**
 * The FTS5 virtual table of migration 0002, declared for the query builder only: schema.ts does
 * not export it, because drizzle-kit cannot create a virtual table and would make a plain one.
 */
const contractSearch = sqliteTable('contract_search', {
	/** FTS5's own key: the contract's id */
	rowid: integer('rowid').notNull(),
	title: text('title').notNull(),
	summary: text('summary').notNull(),
	description: text('description').notNull(),
	theme: text('theme').notNull(),
	suppliers: text('suppliers').notNull(),
	prices: text('prices').notNull()
});

const id = sql.placeholder('id');
const placeholders = Object.fromEntries(
	Object.keys(getTableColumns(contractSearch)).map((column) => [column, sql.placeholder(column)])
) as Record<keyof typeof contractSearch.$inferInsert, ReturnType<typeof sql.placeholder>>;

/** Prepared once per connection: the seed and the benchmarks reindex thousands of contracts. */
const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
	const db = drizzle(sqlite);
	return {
		contract: db
			.select({
				title: contracts.title,
				summary: contracts.summary,
				description: contracts.description,
				theme: contracts.theme
			})
			.from(contracts)
			.where(eq(contracts.id, id))
			.prepare(),
		// group_concat: the aggregate has no drizzle builder
		suppliers: db
			.select({ names: sql<string | null>`group_concat(distinct ${suppliers.name})` })
			.from(lots)
			.innerJoin(suppliers, eq(suppliers.id, lots.supplierId))
			.where(eq(lots.contractId, id))
			.prepare(),
		prices: db
			.select({ labels: sql<string | null>`group_concat(${priceItems.label}, ' · ')` })
			.from(priceItems)
			.innerJoin(lots, eq(lots.id, priceItems.lotId))
			.where(eq(lots.contractId, id))
			.prepare(),
		remove: db.delete(contractSearch).where(eq(contractSearch.rowid, id)).prepare(),
		insert: db.insert(contractSearch).values(placeholders).prepare()
	};
}

/**
 * Rewrites the search row of one contract; call it in the transaction that changed it, on the
 * connection that runs that transaction (the seed has its own).
 */
export function reindexContract(sqlite: Database.Database, contractId: number) {
	let s = statements.get(sqlite);
	if (!s) statements.set(sqlite, (s = prepare(sqlite)));
	s.remove.run({ id: contractId });
	const c = s.contract.get({ id: contractId });
	if (!c) return;
	s.insert.run({
		...c,
		rowid: contractId,
		theme: isTheme(c.theme) ? THEMES[c.theme] : c.theme,
		suppliers: s.suppliers.get({ id: contractId })?.names ?? '',
		prices: s.prices.get({ id: contractId })?.labels ?? ''
	});
}

/**
 * The FTS5 MATCH expression for what someone typed: each word of three letters or more as a
 * quoted phrase (trigrams need three), all required. null when nothing searchable remains.
 */
export function matchExpression(query: string): string | null {
	const words = query
		.replace(/["*^():]/g, ' ')
		.split(/\s+/)
		.filter((w) => [...w].length >= 3)
		.slice(0, 8);
	if (!words.length) return null;
	return words.map((w) => `"${w}"`).join(' AND ');
}

// MATCH and FTS5's `rank` are FTS5 syntax, which drizzle has no builder for
const rankedQuery = preparedQueries((db) => {
	const { statement, args } = directStatement(
		db.$client,
		db
			.select({ id: contractSearch.rowid })
			.from(contractSearch)
			.where(sql`${contractSearch} match ${sql.placeholder('match')}`)
			.orderBy(sql`rank`)
	);
	return { statement: statement.pluck(), args };
});

/**
 * The ids of the contracts matching an FTS5 MATCH expression, best first. Plucked by
 * better-sqlite3 itself: a common word matches thousands of contracts, and building a row for
 * each cost a third of the search (measured at 10,000 contracts).
 */
export function rankedMatches(match: string): number[] {
	const { statement, args } = rankedQuery();
	return statement.all(...args({ match })) as number[];
}
