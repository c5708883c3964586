/**
 * The hub's group commit, in this process, against a real SQLite file: an update is answered only
 * once it is on disk (read back through another connection); the first of a turn at once, the
 * ones after it at the end of the turn, together; answers keep the order updates were accepted in,
 * a failed batch fails as a whole and only itself, and flushWrites() leaves nothing unanswered.
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
	// the checkpoint thread may still be closing its connection (and with it, the WAL files)
	fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
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

/** Lets the current turn of the event loop end (and with it, the hub's batch of that turn). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
	it('answers the first update of a turn at once, the next ones at its end, all in order', async () => {
		await nextTurn();
		const outcomes: Outcome[] = [];
		write('board:1', [1, 1], outcomes);
		expect(outcomes).toEqual([{ doc: 'board:1', seq: 1, onDisk: true }]);
		expect(queuedWrites()).toBe(0);
		write('board:2', [2, 1], outcomes);
		write('board:1', [1, 2], outcomes);
		expect(outcomes).toHaveLength(1); // a burst waits for the end of the turn
		expect(queuedWrites()).toBe(2);
		await eventually(() => outcomes.length === 3, 5000, 'three answers');
		expect(outcomes).toEqual([
			{ doc: 'board:1', seq: 1, onDisk: true },
			{ doc: 'board:2', seq: 1, onDisk: true },
			{ doc: 'board:1', seq: 2, onDisk: true }
		]);
		expect(queuedWrites()).toBe(0);
	});

	it('commits alone the first update of the next turn', async () => {
		await nextTurn();
		const outcomes: Outcome[] = [];
		write('board:2', [2, 2], outcomes);
		expect(outcomes).toEqual([{ doc: 'board:2', seq: 2, onDisk: true }]);
	});

	it('flushWrites returns only once everything accepted so far is answered', async () => {
		await nextTurn();
		const outcomes: Outcome[] = [];
		for (let i = 0; i < 50; i++) write(i % 2 ? 'board:1' : 'board:2', [9, i], outcomes);
		expect(queuedWrites()).toBe(49);
		flushWrites();
		expect(outcomes).toHaveLength(50);
		expect(outcomes.every((o) => o.onDisk)).toBe(true);
		expect(outcomes.filter((o) => o.doc === 'board:1').map((o) => o.seq)).toEqual(
			Array.from({ length: 25 }, (_, i) => i + 3)
		);
		expect(queuedWrites()).toBe(0);
	});

	it('fails a batch that cannot be written as a whole, and the next batch goes through', async () => {
		await nextTurn();
		const first: Outcome[] = [];
		write('board:1', [7, 6], first); // committed at once, before the burst
		expect(first).toEqual([{ doc: 'board:1', seq: 28, onDisk: true }]);

		const failedBatch: Outcome[] = [];
		write('board:1', [7, 7], failedBatch);
		write('board:missing', [7, 8], failedBatch); // no document row: its seq would be null
		flushWrites();
		expect(failedBatch.map((o) => o.doc)).toEqual(['board:1', 'board:missing']);
		expect(failedBatch.every((o) => o.error && !o.seq)).toBe(true);
		expect(storedCount('board:1')).toBe(28); // the failed batch's board:1 update was rolled back

		const next: Outcome[] = [];
		write('board:1', [8, 1], next);
		flushWrites();
		expect(next).toEqual([{ doc: 'board:1', seq: 29, onDisk: true }]);
	});

	it('fails alone the first update of a turn that cannot be written', async () => {
		await nextTurn();
		const outcomes: Outcome[] = [];
		write('board:missing', [6, 1], outcomes);
		expect(outcomes).toHaveLength(1);
		expect(outcomes[0].error).toBeTruthy();
		expect(queuedWrites()).toBe(0);

		write('board:1', [6, 2], outcomes); // the same turn's next update waits for its end
		await eventually(() => outcomes.length === 2, 5000, 'the second answer');
		expect(outcomes[1]).toEqual({ doc: 'board:1', seq: 30, onDisk: true });
	});
});

function storedCount(doc: string): number {
	const row = reader
		.prepare('select count(*) as n from document_updates where doc_name = ?')
		.get(doc) as { n: number };
	return row.n;
}
