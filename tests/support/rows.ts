/** Every row of a SQLite file, to tell whether a restored database holds an earlier one's rows. */
import Database from 'better-sqlite3';

/** every table's row ids, as `table:rowid` (tables with a rowid; FTS shadow tables left out) */
export function rowKeys(file: string): Set<string> {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const tables = db
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' and sql not like '%WITHOUT ROWID%'"
			)
			.pluck()
			.all() as string[];
		const keys = new Set<string>();
		for (const table of tables)
			for (const id of db.prepare(`select rowid from "${table}"`).pluck().all())
				keys.add(`${table}:${id}`);
		return keys;
	} finally {
		db.close();
	}
}

/**
 * The rows of `before` missing from `after`. The board documents' update log is compacted into
 * snapshots as it grows: its rows may go while their content stays, so it is left out (the
 * documents' content is checked through a client instead).
 */
export function lostRows(before: Set<string>, after: Set<string>): string[] {
	return [...before].filter((key) => !after.has(key) && !key.startsWith('document_updates:'));
}
