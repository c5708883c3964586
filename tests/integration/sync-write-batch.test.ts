/**
 * The hub's group commit, in this process, against a real SQLite file: an update is answered only
 * once it is on disk (read back through another connection), answers keep the order updates were
 * accepted in, a failed batch fails as a whole and only itself, and flushWrites() leaves nothing
 * unanswered.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocument } from '../../src/lib/server/collab/store';
import { closeDb } from '../../src/lib/server/db/client';
import { flushWrites, queuedWrites, queueWrite } from '../../server/sync/write-batch';
import { tempDataDir } from '../support/server';
import { eventually } from '../support/yjs-client';

let dataDir: string;
let reader: Database.Database;
const previousDataDir = process.env.DATA_DIR;

beforeAll(() => {
	dataDir = tempDataDir('centrale-writer-');
	process.env.DATA_DIR = dataDir;
	ensureDocument('board:1', 'board'); // opens, migrates and creates the file
	ensureDocument('board:2', 'board');
	reader = new Database(path.join(dataDir, 'centrale.sqlite'), { readonly: true });
});

afterAll(() => {
	reader.close();
	closeDb();
	process.env.DATA_DIR = previousDataDir;
	fs.rmSync(dataDir, { recursive: true, force: true });
});

type Outcome = { doc: string; seq?: number; error?: string; onDisk?: boolean };

/** Queues one update and records its outcome, checking the disk at the moment it is answered. */
function write(doc: string, bytes: number[], outcomes: Outcome[]) {
	const update = new Uint8Array(bytes);
	queueWrite({
		docName: doc,
		update,
		userId: null,
		persisted: (seq) => {
			const row = reader
				.prepare('select "update" as data from document_updates where doc_name = ? and seq = ?')
				.get(doc, seq) as { data: Buffer } | undefined;
			outcomes.push({ doc, seq, onDisk: !!row && Buffer.compare(row.data, update) === 0 });
		},
		failed: (err) => outcomes.push({ doc, error: String(err) })
	});
}

describe('group commit', () => {
	it('answers each update after its commit, in order, at the end of the turn', async () => {
		const outcomes: Outcome[] = [];
		write('board:1', [1, 1], outcomes);
		write('board:2', [2, 1], outcomes);
		write('board:1', [1, 2], outcomes);
		expect(outcomes).toEqual([]); // nothing is answered in the turn that accepted it
		expect(queuedWrites()).toBe(3);
		await eventually(() => outcomes.length === 3, 5000, 'three answers');
		expect(outcomes).toEqual([
			{ doc: 'board:1', seq: 1, onDisk: true },
			{ doc: 'board:2', seq: 1, onDisk: true },
			{ doc: 'board:1', seq: 2, onDisk: true }
		]);
		expect(queuedWrites()).toBe(0);
	});

	it('flushWrites returns only once everything accepted so far is answered', () => {
		const outcomes: Outcome[] = [];
		for (let i = 0; i < 50; i++) write(i % 2 ? 'board:1' : 'board:2', [9, i], outcomes);
		flushWrites();
		expect(outcomes).toHaveLength(50);
		expect(outcomes.every((o) => o.onDisk)).toBe(true);
		expect(outcomes.filter((o) => o.doc === 'board:1').map((o) => o.seq)).toEqual(
			Array.from({ length: 25 }, (_, i) => i + 3)
		);
		expect(queuedWrites()).toBe(0);
	});

	it('fails a batch that cannot be written as a whole, and the next batch goes through', () => {
		const failedBatch: Outcome[] = [];
		write('board:1', [7, 7], failedBatch);
		write('board:missing', [7, 8], failedBatch); // no document row: its seq would be null
		flushWrites();
		expect(failedBatch.map((o) => o.doc)).toEqual(['board:1', 'board:missing']);
		expect(failedBatch.every((o) => o.error && !o.seq)).toBe(true);
		const stored = reader
			.prepare('select count(*) as n from document_updates where doc_name = ?')
			.get('board:1') as { n: number };
		expect(stored.n).toBe(27); // the failed batch's board:1 update was rolled back with it

		const next: Outcome[] = [];
		write('board:1', [8, 1], next);
		flushWrites();
		expect(next).toEqual([{ doc: 'board:1', seq: 28, onDisk: true }]);
	});
});
