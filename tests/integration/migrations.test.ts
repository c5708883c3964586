/**
 * Upgrading keeps what people did. tests/fixtures/demo-0003.sqlite.gz is the demo database as
 * the portal wrote it before migration 0004 (contracts, orders, price items, board documents…);
 * the real server migrates a copy at boot, and nothing may be lost or left dangling.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT, startServer, tempDataDir } from '../support/server';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'demo-0003.sqlite.gz');

/** projections rebuilt at start (the needs of board documents): when they were is theirs to change */
const REWRITTEN: Record<string, string[]> = { needs: ['updated_at'] };

type Tables = Record<string, { columns: string[]; rows: Record<string, unknown>[] }>;

/** Every row of every table (full-text indexes aside), blobs as base64. */
function tableRows(sqlite: Database.Database): Tables {
	const tables = sqlite
		.prepare(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%search%' and name <> '__drizzle_migrations'"
		)
		.pluck()
		.all() as string[];
	return Object.fromEntries(
		tables.map((t) => {
			const columns = (sqlite.pragma(`table_info("${t}")`) as { name: string }[]).map(
				(c) => c.name
			);
			const rows = (sqlite.prepare(`select * from "${t}"`).all() as Record<string, unknown>[]).map(
				(row) =>
					Object.fromEntries(
						Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64') : v])
					)
			);
			return [t, { columns, rows }];
		})
	);
}

/** The rows of a table seen through some of its columns, in a stable order. */
function project(rows: Record<string, unknown>[], columns: string[]): string[] {
	return rows.map((row) => JSON.stringify(columns.map((c) => row[c]))).sort();
}

/** Each document's content, merged from its snapshot and log as the hub would load it. */
function documentContents(sqlite: Database.Database): Record<string, unknown> {
	const docs = sqlite
		.prepare('select name, snapshot, snapshot_seq as seq from documents')
		.all() as {
		name: string;
		snapshot: Buffer | null;
		seq: number;
	}[];
	const log = sqlite.prepare(
		'select "update" from document_updates where doc_name = ? and seq > ? order by seq'
	);
	return Object.fromEntries(
		docs.map(({ name, snapshot, seq }) => {
			const doc = new Y.Doc();
			if (snapshot) Y.applyUpdate(doc, snapshot);
			for (const update of log.pluck().all(name, seq) as Buffer[]) Y.applyUpdate(doc, update);
			return [
				name,
				{ cards: doc.getMap('cards').toJSON(), columns: doc.getArray('columns').toJSON() }
			];
		})
	);
}

describe('migrating a database from before migration 0004', () => {
	it('keeps every row with its values, every board document and every foreign key', async () => {
		const dataDir = tempDataDir('centrale-migrate-');
		const file = path.join(dataDir, 'centrale.sqlite');
		fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(FIXTURE)));
		const old = new Database(file, { readonly: true });
		const before = tableRows(old);
		const contents = documentContents(old);
		const migrated = old
			.prepare('select count(*) from __drizzle_migrations')
			.pluck()
			.get() as number;
		old.close();
		expect(migrated).toBe(4);
		expect(Object.keys(contents).length).toBeGreaterThan(0);

		const server = await startServer({ dataDir });
		try {
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		} finally {
			await server.stop();
		}

		const sqlite = new Database(file, { readonly: true });
		try {
			expect(
				sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()
			).toBeGreaterThan(4);
			const after = tableRows(sqlite);
			for (const [table, { columns, rows }] of Object.entries(before)) {
				expect(after[table], `table ${table}`).toBeDefined();
				// the columns a migration kept hold the same values in every row
				const kept = columns.filter(
					(c) => after[table].columns.includes(c) && !REWRITTEN[table]?.includes(c)
				);
				expect(project(after[table].rows, kept), `rows of ${table}`).toEqual(project(rows, kept));
			}
			// 0006–0007 store quantities in hundredths (2,5 jours de formation)
			const hundredths = (table: string, id: unknown, column: string) =>
				after[table].rows.find((r) => r.id === id)?.[column];
			for (const line of before.order_lines.rows)
				expect(hundredths('order_lines', line.id, 'quantity_hundredths')).toBe(
					(line.quantity as number) * 100
				);
			for (const interest of before.interests.rows)
				expect(hundredths('interests', interest.id, 'max_quantity_hundredths')).toBe(
					(interest.max_quantity as number) * 100
				);
			expect(before.order_lines.rows.length).toBeGreaterThan(0);
			// 0008 gave needs their column's title: re-projected from the documents at start
			expect(after.needs.rows.length).toBeGreaterThan(0);
			for (const need of after.needs.rows) expect(need.column_title).not.toBe('');
			expect(sqlite.pragma('foreign_key_check')).toEqual([]);
			expect(documentContents(sqlite)).toEqual(contents);
		} finally {
			sqlite.close();
		}
	});
});
