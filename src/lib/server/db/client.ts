import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { config, migrationsFolder } from '../config';
import { MAX_WAL_BYTES, startCheckpointer, type Checkpointer } from './checkpointer';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/*
 * One connection per process. server/ (run by tsx) and the SvelteKit bundle each hold a copy of
 * this module, so the connection is kept on globalThis under a registered symbol: both copies then
 * share it, and with it one view of transactions.
 */
const KEY = Symbol.for('centrale.db');
type Holder = {
	[KEY]?: { dataDirEnv: string | undefined; file: string; db: Db; checkpointer: Checkpointer };
};

/** Opens (once) the SQLite file under DATA_DIR with WAL and foreign keys, and migrates it. */
export function getDb(): Db {
	const holder = globalThis as Holder;
	const current = holder[KEY];
	// the hot path (every statement of the sync hub): no path resolution while DATA_DIR is the same
	if (current && current.dataDirEnv === process.env.DATA_DIR) return current.db;
	const { databaseFile } = config();
	if (current && current.file === databaseFile) {
		current.dataDirEnv = process.env.DATA_DIR;
		return current.db;
	}
	fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
	const sqlite = new Database(databaseFile);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('busy_timeout = 5000');
	// checkpoints are run by checkpointer.ts, their fsyncs off the event loop, not in a commit
	sqlite.pragma('wal_autocheckpoint = 0');
	// a WAL restarted after a checkpoint is cut back to this size: past it, it needs another
	sqlite.pragma(`journal_size_limit = ${MAX_WAL_BYTES}`);
	const db = drizzle(sqlite, { schema }) as Db;
	migrateSafely(sqlite, db);
	sqlite.pragma('foreign_keys = ON');
	holder[KEY] = {
		dataDirEnv: process.env.DATA_DIR,
		file: databaseFile,
		db,
		checkpointer: startCheckpointer(databaseFile, () => sqlite.pragma('wal_autocheckpoint = 1000'))
	};
	return db;
}

/**
 * Migrations run with foreign keys off, as SQLite's table-rebuild procedure requires: drizzle
 * rebuilds a table (create new, copy, drop old, rename) inside its own transaction, where the
 * migration's `PRAGMA foreign_keys=OFF` is a no-op, and dropping a parent table with keys on
 * would delete or detach the rows that point to it (an order's lines when price_items is
 * rebuilt). Every key is checked afterwards: the server refuses to start on a broken one rather
 * than run on inconsistent data.
 */
function migrateSafely(sqlite: Database.Database, db: Db) {
	sqlite.pragma('foreign_keys = OFF');
	migrate(db, { migrationsFolder: migrationsFolder() });
	const broken = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
	if (broken.length) {
		const first = broken[0];
		throw new Error(
			`the database has ${broken.length} broken foreign key(s) after migrating, first ${first.table} → ${first.parent}`
		);
	}
}

export function closeDb() {
	const holder = globalThis as Holder;
	const current = holder[KEY];
	if (!current) return;
	current.checkpointer.stop();
	current.db.$client.close();
	current.checkpointer.release(); // its descriptor of the file last (checkpointer.ts)
	delete holder[KEY];
}

/** true when the database answers a trivial query */
export function databaseIsHealthy(): boolean {
	try {
		// raw: a probe of the connection itself, below any table the query builder knows
		const row = getDb().$client.prepare('select 1 as ok').get() as { ok: number };
		return row.ok === 1;
	} catch {
		return false;
	}
}
