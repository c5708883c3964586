import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold and fsyncs the database file there: on the main thread that stalls every
 * request and every WebSocket relay for tens to hundreds of milliseconds (measured by bench:sync).
 * The main connection turns automatic checkpoints off; this worker, on its own connection,
 * checkpoints passively every second (never blocking readers or writers). A fully checkpointed
 * WAL is reused from its start by the next writer, and journal_size_limit caps the file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// never create a database: a folder removed meanwhile (tests) must stay removed
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
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
 * it would hand the job back to may be closed (and the file gone, in tests).
 */
export function startCheckpointer(
	file: string,
	onFailure: (err: Error) => void,
	everyMs = 1000
): () => void {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs } });
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
