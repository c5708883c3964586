import fs from 'node:fs';
import Database from 'better-sqlite3';
import { QUIET_WAIT_MAX_MS, whenQuiet } from '../collab/quiet';

/*
 * WAL checkpoints that never hold the event loop for a disk flush, and need no thread of their own.
 *
 * A checkpoint copies the WAL's pages into the database file: SQLite fsyncs the WAL before and
 * the database after. Its automatic checkpoint does that inside whichever commit crosses the
 * threshold, and on the event loop those fsyncs held every request and every WebSocket relay for
 * tens to hundreds of milliseconds (bench:sync). They then ran in a worker thread; but a thread
 * with its own V8 isolate costs about 10 MB of RSS (bench:sync: the hub's peak RSS 103–106 MB
 * without it, 113–115 with it).
 *
 * So the two fsyncs now run in libuv's pool (`fs.fsync`, no isolate), and only the copy runs on
 * the event loop, from a connection with synchronous=OFF (which copies and syncs nothing).
 * SQLite's own order is kept:
 *  1. a read transaction pins the WAL: while it is open no writer starts the WAL over (writing
 *     over the frames from the beginning), and no checkpoint copies a frame newer than it;
 *  2. the WAL is fsynced: every frame the checkpoint may copy is durable;
 *  3. the copy (PASSIVE: it takes no lock a writer waits for), in a pause between the sync
 *     hub's updates (collab/quiet.ts);
 *  4. the database file is fsynced: every page copied is durable;
 *  5. the read transaction ends: only now may a writer reuse the WAL.
 * A power cut before 4 leaves the WAL whole and durable, and SQLite's recovery reads the pages
 * from it, as after a cut in the middle of its own checkpoint.
 *
 * Not every second, though: once a checkpoint has emptied the WAL, the next commit starts it over
 * from the beginning and must fsync its new header, and that commit runs on the event loop (the
 * sync hub's fold, once a second under load: 27 uninterruptible waits in a 10 s window of
 * bench:sync, `perf` sched_switch). The checkpointer looks every second and checkpoints once the
 * WAL has grown past MAX_WAL_BYTES (SQLite's own threshold, 1,000 pages) or MAX_WAIT_MS after the
 * last checkpoint, the interval at which the filesystem commits its own journal: the WAL's
 * commits reach the disk as often as the rest of the machine's writes. journal_size_limit
 * (client.ts) brings the file back under MAX_WAL_BYTES after each restart, so that its size says
 * how much was written since.
 *
 * The database file is opened once more, for its fsync, and that descriptor stays open until the
 * checkpointer is released: closing any descriptor of a file drops every POSIX lock this process
 * holds on it, SQLite's included. So `release` comes after every other connection is closed.
 */
export const MAX_WAL_BYTES = 4 * 1024 * 1024;
const MAX_WAIT_MS = 5000;

export interface Checkpointer {
	/** stops checkpointing and closes the checkpointer's connections */
	stop(): void;
	/** closes its descriptor of the database file: after every connection to it is closed */
	release(): void;
}

/**
 * Starts checkpointing `file` (a database in WAL mode, open elsewhere in this process). `onFailure`
 * is called once if a checkpoint fails (the caller then hands checkpoints back to SQLite), never
 * after the stop. The options are for tests: how often it looks, and when it checkpoints.
 */
export function startCheckpointer(
	file: string,
	onFailure: (err: Error) => void,
	{ everyMs = 1000, maxWaitMs = MAX_WAIT_MS, maxWalBytes = MAX_WAL_BYTES } = {}
): Checkpointer {
	let stopped = false;
	let running = false;
	let released = false;
	let checkpointedAt = Date.now();
	const wal = `${file}-wal`;
	let reader: Database.Database | null = null;
	let copier: Database.Database | null = null;
	let dbFd: number | null = null;
	let timer: NodeJS.Timeout | null = null;

	const closeConnections = () => {
		for (const connection of [reader, copier]) {
			try {
				connection?.close();
			} catch {
				// closed already, or its file is gone: nothing is left to release
			}
		}
		reader = copier = null;
	};
	const closeDescriptor = () => {
		if (dbFd !== null) fs.close(dbFd, () => {}); // an error here leaves nothing to do
		dbFd = null;
	};
	const fail = (err: unknown) => {
		if (stopped) return;
		stop();
		onFailure(err instanceof Error ? err : new Error(String(err)));
	};
	function stop() {
		if (stopped) return;
		stopped = true;
		if (timer) clearInterval(timer);
		if (!running) closeConnections();
	}

	try {
		// never create a database: a folder removed meanwhile (tests) must stay removed
		reader = new Database(file, { fileMustExist: true });
		copier = new Database(file, { fileMustExist: true });
		copier.pragma('synchronous = OFF'); // it copies; the fsyncs are done around it
		dbFd = fs.openSync(file, 'r');
	} catch (err) {
		closeConnections();
		closeDescriptor();
		queueMicrotask(() => fail(err));
		return { stop, release: () => {} };
	}
	const pin = reader.prepare('select 1 from sqlite_master limit 1');

	const walBytes = () => {
		try {
			return fs.statSync(wal).size;
		} catch {
			return 0;
		}
	};

	/** Never rejects: whatever fails is reported once, and the connections are closed. */
	async function checkpoint() {
		running = true;
		try {
			reader!.exec('begin');
			pin.get(); // the read transaction starts at its first read
			await fsyncFile(wal);
			// the copy holds the event loop (about 5 ms for 5 s of bench:sync): in a pause between
			// the sync hub's updates, not in the middle of a burst
			await new Promise<void>((resolve) => whenQuiet(resolve, QUIET_WAIT_MAX_MS));
			if (!stopped) {
				copier!.pragma('wal_checkpoint(PASSIVE)');
				await fsyncDescriptor(dbFd!);
			}
		} catch (err) {
			// busy (a recovery in another connection): the next look tries again
			if ((err as { code?: string }).code !== 'SQLITE_BUSY') fail(err);
		}
		try {
			if (reader?.inTransaction) reader.exec('commit');
		} catch (err) {
			fail(err); // stops: closing the connection below ends its transaction
		}
		running = false;
		if (stopped) closeConnections();
		if (released) closeDescriptor();
	}

	timer = setInterval(() => {
		if (running || stopped) return;
		const due = Date.now() - checkpointedAt >= maxWaitMs;
		if (!due && walBytes() <= maxWalBytes) return;
		checkpointedAt = Date.now();
		void checkpoint();
	}, everyMs);
	timer.unref();

	return {
		stop,
		release() {
			stop();
			released = true;
			if (!running) closeDescriptor();
		}
	};
}

function fsyncDescriptor(fd: number): Promise<void> {
	return new Promise((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));
}

/** The WAL may be cut back or recreated between two checkpoints: opened for each fsync. */
async function fsyncFile(file: string): Promise<void> {
	let handle: fs.promises.FileHandle;
	try {
		handle = await fs.promises.open(file, 'r');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // no WAL: nothing to sync
		throw err;
	}
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}
