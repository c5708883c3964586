import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { config, migrationsFolder } from '../config';
import { startCheckpointer } from './checkpointer';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/*
 * One connection per process. server/ (run by tsx) and the SvelteKit bundle each hold a copy of
 * this module, so the connection is kept on globalThis under a registered symbol: both copies then
 * share it, and with it one view of transactions.
 */
const KEY = Symbol.for('centrale.db');
type Holder = { [KEY]?: { file: string; db: Db; stopCheckpointer: () => void } };

/** Opens (once) the SQLite file under DATA_DIR with WAL and foreign keys, and migrates it. */
export function getDb(): Db {
	const holder = globalThis as Holder;
	const { databaseFile } = config();
	const current = holder[KEY];
	if (current && current.file === databaseFile) return current.db;
	fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
	const sqlite = new Database(databaseFile);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('busy_timeout = 5000');
	// checkpoints run in a worker thread (checkpointer.ts), not inside a request's commit
	sqlite.pragma('wal_autocheckpoint = 0');
	sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
	const db = drizzle(sqlite, { schema }) as Db;
	// drizzle-kit changes a column by rebuilding its table (copy, drop, rename): with foreign keys
	// on, the drop would fire ON DELETE actions on the rows pointing at it (SQLite's own procedure,
	// "Making Other Kinds Of Table Schema Changes", turns them off around it and checks after)
	sqlite.pragma('foreign_keys = OFF');
	migrate(db, { migrationsFolder: migrationsFolder() });
	sqlite.pragma('foreign_keys = ON');
	if ((sqlite.pragma('foreign_key_check') as unknown[]).length)
		throw new Error('Migration left rows pointing at missing rows (PRAGMA foreign_key_check).');
	holder[KEY] = {
		file: databaseFile,
		db,
		stopCheckpointer: startCheckpointer(databaseFile, () =>
			sqlite.pragma('wal_autocheckpoint = 1000')
		)
	};
	return db;
}

export function closeDb() {
	const holder = globalThis as Holder;
	const current = holder[KEY];
	if (!current) return;
	current.stopCheckpointer();
	current.db.$client.close();
	delete holder[KEY];
}

/** true when the database answers a trivial query */
export function databaseIsHealthy(): boolean {
	try {
		const row = getDb().$client.prepare('select 1 as ok').get() as { ok: number };
		return row.ok === 1;
	} catch {
		return false;
	}
}
