/**
 * For unit tests of server functions on a real SQLite file: DATA_DIR points at a fresh temp
 * folder for the file's tests (getDb() creates and migrates the database there on first use),
 * then the connection is closed and the folder removed.
 */
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { closeDb } from '../../src/lib/server/db/client';
import { tempDataDir } from './server';

export function useTempDatabase(prefix: string) {
	let dataDir = '';
	let previousDataDir: string | undefined;
	beforeAll(() => {
		previousDataDir = process.env.DATA_DIR;
		dataDir = tempDataDir(`centrale-${prefix}-`);
		process.env.DATA_DIR = dataDir;
	});
	afterAll(() => {
		closeDb();
		if (previousDataDir === undefined) delete process.env.DATA_DIR;
		else process.env.DATA_DIR = previousDataDir;
		fs.rmSync(dataDir, { recursive: true, force: true });
	});
}
