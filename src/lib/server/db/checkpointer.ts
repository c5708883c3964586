import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold and fsyncs the database file there: on the main thread that stalls every
 * request and every WebSocket relay for tens to hundreds of milliseconds (measured by bench:sync).
 * The main connection turns automatic checkpoints off; this worker, on its own connection,
 * checkpoints passively (never blocking readers or writers).
 *
 * Not every second, though: once a checkpoint has emptied the WAL, the next commit starts it over
 * from the beginning and must fsync its new header, and that commit runs on the main thread (the
 * sync hub's fold, once a second under load: 27 uninterruptible waits in a 10 s window of
 * bench:sync, `perf` sched_switch). The worker looks every second and checkpoints once the WAL
 * has grown past MAX_WAL_BYTES (SQLite's own threshold, 1,000 pages) or MAX_WAIT_MS after the
 * last checkpoint, the interval at which the filesystem commits its own journal: the WAL's
 * commits reach the disk as often as the rest of the machine's writes. journal_size_limit
 * (client.ts) brings the file back under MAX_WAL_BYTES after each restart, so that its size says
 * how much was written since.
 */
export const MAX_WAL_BYTES = 4 * 1024 * 1024;
const MAX_WAIT_MS = 5000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const fs = require('node:fs');
// never create a database: a folder removed meanwhile (tests) must stay removed
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const wal = workerData.file + '-wal';
let checkpointedAt = Date.now();
function walBytes() {
	try {
		return fs.statSync(wal).size;
	} catch {
		return 0;
	}
}
const timer = setInterval(() => {
	const due = Date.now() - checkpointedAt >= workerData.maxWaitMs;
	if (!due && walBytes() <= workerData.maxWalBytes) return;
	checkpointedAt = Date.now();
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch {
		/* busy: the next tick tries again */
	}
}, workerData.everyMs);
parentPort.on('message', (m) => {
	if (m === 'stop') { clearInterval(timer); db.close(); process.exit(0); }
});
`;

/**
 * Starts the checkpoint worker for `file`; returns a function that stops it. `onFailure` is called
 * if the worker fails while it should be running, never after the stop: by then the connection
 * it would hand the job back to may be closed (and the file gone, in tests). The options are for
 * tests: how often the worker looks, and when it checkpoints.
 */
export function startCheckpointer(
	file: string,
	onFailure: (err: Error) => void,
	{ everyMs = 1000, maxWaitMs = MAX_WAIT_MS, maxWalBytes = MAX_WAL_BYTES } = {}
): () => void {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { file, driver, everyMs, maxWaitMs, maxWalBytes }
	});
	worker.unref();
	let stopped = false;
	// without the worker nothing would checkpoint: hand the job back to SQLite's automatic one
	worker.on('error', (err) => {
		if (!stopped) onFailure(err);
	});
	return () => {
		stopped = true;
		worker.postMessage('stop');
	};
}
