/**
 * Keeps the FTS5 table `contract_search` (trigram, accent-free) in step with the catalogue: one
 * row per contract, rowid = contract id, holding its texts, theme label, supplier names and price
 * item labels, so "securite" finds "Audit de cybersécurité" and a supplier's name finds its lots.
 */
import type Database from 'better-sqlite3';
import { THEMES, isTheme } from '../../domain/catalogue/labels';

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
	return {
		contract: sqlite.prepare(
			'select id, title, summary, description, theme from contracts where id = ?'
		),
		suppliers: sqlite.prepare(
			`select group_concat(distinct s.name) as names from lots l
			 join suppliers s on s.id = l.supplier_id where l.contract_id = ?`
		),
		prices: sqlite.prepare(
			`select group_concat(p.label, ' · ') as labels from price_items p
			 join lots l on l.id = p.lot_id where l.contract_id = ?`
		),
		remove: sqlite.prepare('delete from contract_search where rowid = ?'),
		insert: sqlite.prepare(
			`insert into contract_search (rowid, title, summary, description, theme, suppliers, prices)
			 values (?, ?, ?, ?, ?, ?, ?)`
		)
	};
}

/** Rewrites the search row of one contract; call it in the transaction that changed it. */
export function reindexContract(sqlite: Database.Database, contractId: number) {
	let s = statements.get(sqlite);
	if (!s) statements.set(sqlite, (s = prepare(sqlite)));
	s.remove.run(contractId);
	const c = s.contract.get(contractId) as
		{ id: number; title: string; summary: string; description: string; theme: string } | undefined;
	if (!c) return;
	const suppliers = (s.suppliers.get(contractId) as { names: string | null }).names ?? '';
	const prices = (s.prices.get(contractId) as { labels: string | null }).labels ?? '';
	const theme = isTheme(c.theme) ? THEMES[c.theme] : c.theme;
	s.insert.run(c.id, c.title, c.summary, c.description, theme, suppliers, prices);
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
