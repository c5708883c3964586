/**
 * The WAL checkpointer (its own better-sqlite3 connections, its fsyncs in libuv's pool): a failure
 * while it runs is reported, so that the server hands checkpoints back to SQLite; a failure after
 * it was stopped is not, since the connection it would reconfigure may already be closed. It
 * checkpoints once the WAL has grown past its limit or after its longest wait, not at every look:
 * each checkpoint makes the next commit on the main thread fsync the restarted WAL's header. What
 * it copies is what was committed, also while a writer goes on writing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startCheckpointer } from '../../src/lib/server/db/checkpointer';
import { tempDataDir } from '../support/server';
import { eventually } from '../support/yjs-client';

/** a database file the worker cannot open: its folder does not exist */
function unopenable() {
	const dir = tempDataDir('centrale-checkpointer-');
	fs.rmSync(dir, { recursive: true, force: true });
	return path.join(dir, 'centrale.sqlite');
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

describe('checkpointer', () => {
	it('reports a failure while it is running', async () => {
		const failures: Error[] = [];
		const checkpointer = startCheckpointer(unopenable(), (err) => failures.push(err));
		await settle();
		checkpointer.release();
		expect(failures).toHaveLength(1);
	});

	it('says nothing of a failure once it has been stopped', async () => {
		const failures: Error[] = [];
		const checkpointer = startCheckpointer(unopenable(), (err) => failures.push(err));
		checkpointer.stop(); // before the failure to open the file is reported
		await settle();
		expect(failures).toEqual([]);
	});
});

/** A database in WAL mode as client.ts opens it, with the pages written so far checkpointed. */
function walDatabase(limit: number) {
	const file = path.join(tempDataDir('centrale-checkpointer-'), 'centrale.sqlite');
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('wal_autocheckpoint = 0');
	db.pragma(`journal_size_limit = ${limit}`);
	db.exec('create table t (x blob)');
	db.pragma('wal_checkpoint(TRUNCATE)');
	const insert = db.prepare('insert into t (x) values (?)');
	return {
		file,
		/** writes about `kb` KB, each row a page of its own */
		write: (kb: number) => {
			for (let i = 0; i < kb / 4; i++) insert.run(Buffer.alloc(4000, i));
		},
		/** the database file's size: it grows only when a checkpoint copies pages into it */
		fileBytes: () => fs.statSync(file).size,
		close: () => db.close()
	};
}

describe('when the checkpointer checkpoints', () => {
	it('leaves a small WAL alone until its longest wait, then checkpoints it', async () => {
		const db = walDatabase(256 * 1024);
		const before = db.fileBytes();
		const checkpointer = startCheckpointer(db.file, () => {}, { everyMs: 50, maxWaitMs: 1500 });
		db.write(40);
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(db.fileBytes()).toBe(before); // looked about ten times, checkpointed none
		await eventually(() => db.fileBytes() > before, 5000, 'the checkpoint after the wait');
		checkpointer.stop();
		db.close();
		checkpointer.release();
	});

	it('checkpoints at once a WAL grown past its limit', async () => {
		const db = walDatabase(256 * 1024);
		const before = db.fileBytes();
		const checkpointer = startCheckpointer(db.file, () => {}, {
			everyMs: 50,
			maxWaitMs: 60_000,
			maxWalBytes: 256 * 1024
		});
		db.write(400);
		await eventually(() => db.fileBytes() > before, 2000, 'the checkpoint of a large WAL');
		checkpointer.stop();
		db.close();
		checkpointer.release();
	});

	it('copies what was committed while a writer goes on writing, then the WAL starts over', async () => {
		const db = walDatabase(256 * 1024);
		const before = db.fileBytes();
		const failures: Error[] = [];
		const checkpointer = startCheckpointer(db.file, (err) => failures.push(err), {
			everyMs: 20,
			maxWaitMs: 100,
			maxWalBytes: 64 * 1024
		});
		// a second and a half of writes, 40 KB every 5 ms: checkpoints run between them
		const until = Date.now() + 1500;
		let written = 0;
		let copiedWhileWriting = false;
		while (Date.now() < until) {
			db.write(40);
			written += 10;
			await new Promise((resolve) => setTimeout(resolve, 5));
			copiedWhileWriting ||= db.fileBytes() > before;
		}
		expect(copiedWhileWriting).toBe(true);
		// once the writer pauses, a checkpoint copies everything, and the next commit starts the
		// WAL over from its beginning, cut back to journal_size_limit
		await new Promise((resolve) => setTimeout(resolve, 500)); // a few checkpoints after the last write
		expect(db.fileBytes()).toBeGreaterThan(written * 4000);
		db.write(4);
		written += 1;
		const walBytes = fs.statSync(`${db.file}-wal`).size;
		checkpointer.stop();
		db.close();
		checkpointer.release();
		expect(failures).toEqual([]);
		expect(walBytes).toBeLessThanOrEqual(256 * 1024 + 64 * 1024);

		const check = new Database(db.file, { readonly: true });
		expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(check.prepare('select count(*) as n from t').get()).toEqual({ n: written });
		check.close();
	});
});
