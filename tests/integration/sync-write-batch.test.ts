/**
 * The hub's write-before-relay, in this process, against a real SQLite file and journal: an
 * update is answered durable only once its record is in the journal file, and stored only once
 * it is in SQLite (read back through another connection); folds keep the order updates were
 * accepted in and empty the journal; a failed fold fails its batch and keeps the journal; a
 * journal left by a killed process is folded at start, a torn tail and a vanished document aside;
 * and a write the disk cuts short leaves no torn record behind.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	foldJournalNow,
	Journal,
	journalPath,
	readJournal
} from '../../src/lib/server/collab/journal';
import { appendUpdates, compactDocument, ensureDocument } from '../../src/lib/server/collab/store';
import { closeDb } from '../../src/lib/server/db/client';
import {
	flushWrites,
	queuedWrites,
	queueWrite,
	recoverJournal
} from '../../server/sync/write-batch';
import { ROOT, tempDataDir } from '../support/server';
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

type Outcome = {
	doc: string;
	journalled?: boolean;
	inSqlite?: boolean;
	seq?: number;
	onDisk?: boolean;
	error?: string;
};

const journalled = () => readJournal(journalPath(dataDir));

function stored(doc: string, seq: number) {
	return reader
		.prepare('select "update" as data from document_updates where doc_name = ? and seq = ?')
		.get(doc, seq) as { data: Buffer } | undefined;
}

/** Queues one update and records its outcomes, checking journal and disk when each is answered. */
function write(doc: string, bytes: number[], outcomes: Outcome[]) {
	const update = new Uint8Array(bytes);
	const outcome: Outcome = { doc };
	outcomes.push(outcome);
	queueWrite({
		docName: doc,
		update,
		userId: 7,
		durable: () => {
			outcome.journalled = journalled().some(
				(r) => r.docName === doc && Buffer.compare(Buffer.from(r.update), update) === 0
			);
			outcome.inSqlite =
				(
					reader
						.prepare('select count(*) as n from document_updates where "update" = ?')
						.get(Buffer.from(update)) as { n: number }
				).n > 0;
		},
		stored: (seq) => {
			const row = stored(doc, seq);
			outcome.seq = seq;
			outcome.onDisk = !!row && Buffer.compare(row.data, update) === 0;
		},
		failed: (err) => (outcome.error = String(err))
	});
}

describe('write-before-relay', () => {
	it('answers an update durable once journalled, before it is in SQLite', () => {
		const outcomes: Outcome[] = [];
		write('board:1', [1, 1], outcomes);
		expect(outcomes).toEqual([{ doc: 'board:1', journalled: true, inSqlite: false }]);
		expect(queuedWrites()).toBe(1);
	});

	it('folds the journalled updates into SQLite together, in order, and empties the journal', async () => {
		const outcomes: Outcome[] = [];
		write('board:2', [2, 1], outcomes);
		write('board:1', [1, 2], outcomes);
		await eventually(() => queuedWrites() === 0, 5000, 'the fold');
		expect(outcomes).toEqual([
			{ doc: 'board:2', journalled: true, inSqlite: false, seq: 1, onDisk: true },
			{ doc: 'board:1', journalled: true, inSqlite: false, seq: 2, onDisk: true }
		]);
		expect(stored('board:1', 1)).toBeTruthy(); // the first test's update, in the same fold
		expect(journalled()).toEqual([]);
		expect(fs.statSync(journalPath(dataDir)).size).toBe(0);
	});

	it('folds within twice its wait while updates never pause', async () => {
		// a due fold waits for a pause between updates (write-batch.ts); none comes here
		ensureDocument('board:3', 'board');
		let sent = 0;
		let stored = 0;
		let storedWhileWriting = 0;
		const started = performance.now();
		while (performance.now() - started < 2600) {
			queueWrite({
				docName: 'board:3',
				update: new Uint8Array([6, sent++ % 250]),
				userId: 7,
				durable: () => {},
				stored: () => stored++,
				failed: (err) => expect.unreachable(String(err))
			});
			storedWhileWriting = stored;
			await new Promise((r) => setTimeout(r, 1));
		}
		expect(storedWhileWriting).toBeGreaterThan(0);
		flushWrites();
		expect(stored).toBe(sent);
	});

	it('flushWrites folds everything accepted so far at once', () => {
		const outcomes: Outcome[] = [];
		for (let i = 0; i < 50; i++) write(i % 2 ? 'board:1' : 'board:2', [9, i], outcomes);
		expect(queuedWrites()).toBe(50);
		expect(journalled()).toHaveLength(50);
		flushWrites();
		expect(queuedWrites()).toBe(0);
		expect(outcomes.every((o) => o.journalled && o.onDisk)).toBe(true);
		expect(outcomes.filter((o) => o.doc === 'board:1').map((o) => o.seq)).toEqual(
			Array.from({ length: 25 }, (_, i) => i + 3)
		);
		expect(journalled()).toEqual([]);
	});

	it('folds when a backup in this process asks, so that the copy holds every relayed update', () => {
		const outcomes: Outcome[] = [];
		write('board:2', [4, 4], outcomes);
		expect(queuedWrites()).toBe(1);
		foldJournalNow(); // what takeBackup() calls first
		expect(queuedWrites()).toBe(0);
		expect(outcomes[0]).toMatchObject({ journalled: true, onDisk: true });
	});

	it('numbers updates on from the snapshot once the log was compacted, within and across folds', () => {
		ensureDocument('board:5', 'board');
		const outcomes: Outcome[] = [];
		write('board:5', [5, 5, 1], outcomes);
		flushWrites();
		compactDocument('board:5', new Uint8Array([0, 0]), 1); // the log is empty, the snapshot at 1
		write('board:5', [5, 5, 2], outcomes);
		write('board:1', [5, 5, 3], outcomes);
		write('board:5', [5, 5, 4], outcomes);
		flushWrites();
		expect(outcomes.filter((o) => o.doc === 'board:5').map((o) => [o.seq, o.onDisk])).toEqual([
			[1, true],
			[2, true],
			[3, true]
		]);
	});

	it('refuses to log a batch outside a transaction, where its seqs could be taken meanwhile', () => {
		const count = () =>
			(reader.prepare('select count(*) as n from document_updates').get() as { n: number }).n;
		const before = count();
		expect(() =>
			appendUpdates([{ docName: 'board:1', update: new Uint8Array([1]), userId: null, at: 1 }])
		).toThrow(/transaction/);
		expect(count()).toBe(before);
	});

	it('folds at start what a killed process journalled, up to a torn record, skipping a vanished document', () => {
		const left = new Journal(journalPath(dataDir));
		left.append({ docName: 'board:2', update: new Uint8Array([5, 1]), userId: 3, at: 1000 });
		left.append({ docName: 'board:gone', update: new Uint8Array([5, 2]), userId: null, at: 1001 });
		left.append({ docName: 'board:2', update: new Uint8Array([5, 3]), userId: null, at: 1002 });
		left.close();
		fs.appendFileSync(journalPath(dataDir), Buffer.from([40, 0, 0, 0, 1, 2])); // torn mid-record

		expect(recoverJournal()).toBe(2);
		const rows = reader
			.prepare(
				'select "update" as data, user_id as userId, at from document_updates where doc_name = ? order by seq desc limit 2'
			)
			.all('board:2') as { data: Buffer; userId: number | null; at: number }[];
		expect(rows.reverse()).toEqual([
			{ data: Buffer.from([5, 1]), userId: 3, at: 1000 },
			{ data: Buffer.from([5, 3]), userId: null, at: 1002 }
		]);
		expect(fs.statSync(journalPath(dataDir)).size).toBe(0);
		expect(recoverJournal()).toBe(0);
	});

	it('cuts back a record the disk took only part of, fails it, and keeps the records after it readable', () => {
		// a file size limit cuts a write short as a full disk does (tests/support/journal-short-write.ts)
		const file = path.join(dataDir, 'short-write.bin');
		const child = spawnSync(
			'bash',
			[
				'-c',
				'ulimit -f 64 && exec "$0" --import tsx tests/support/journal-short-write.ts "$1"',
				process.execPath,
				file
			],
			{ cwd: ROOT, encoding: 'utf8', env: { ...process.env, TSX_DISABLE_CACHE: '1' } }
		);
		expect(child.status, child.stderr).toBe(0);
		const { outcomes, records } = JSON.parse(child.stdout);
		expect(outcomes).toEqual([
			'ok',
			expect.stringMatching(/^journal: the disk took \d+ of the record's 40029 bytes$/),
			'ok'
		]);
		expect(records).toEqual([
			{ at: 1000, bytes: 30_000, fill: 1 },
			{ at: 1002, bytes: 1_000, fill: 3 }
		]);
	});

	// last: after a failed fold the journal is kept for the next start
	it('fails a fold as a whole, keeps the journal for the next start, and the next fold goes through', () => {
		const failedBatch: Outcome[] = [];
		write('board:1', [7, 7], failedBatch);
		write('board:missing', [7, 8], failedBatch); // no document row: its seq would be null
		const before = (
			reader.prepare('select count(*) as n from document_updates').get() as { n: number }
		).n;
		flushWrites();
		expect(failedBatch.map((o) => o.doc)).toEqual(['board:1', 'board:missing']);
		expect(failedBatch.every((o) => o.journalled && o.error && !o.seq)).toBe(true);
		const after = (
			reader.prepare('select count(*) as n from document_updates').get() as { n: number }
		).n;
		expect(after).toBe(before); // the batch's board:1 update was rolled back with it

		const next: Outcome[] = [];
		write('board:1', [8, 1], next);
		flushWrites();
		expect(next[0]).toMatchObject({ doc: 'board:1', journalled: true, onDisk: true });
		// the failed batch is still journalled, for the next start to fold
		expect(journalled().map((r) => r.docName)).toEqual(['board:1', 'board:missing', 'board:1']);
	});
});
