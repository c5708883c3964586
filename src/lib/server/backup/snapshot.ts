import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * The database copy, in a worker thread on its own connection, so that neither the copy nor its
 * checks stall requests and WebSocket relays on the main thread.
 *
 * Consistency: SQLite's online backup copies pages in steps, and restarts from the first page
 * whenever another connection writes between two steps; under the portal's steady writes a
 * stepwise copy might never finish. Here the first step only opens the backup, and the second
 * copies every page at once inside one read transaction: in WAL mode writers carry on meanwhile,
 * and the copy is the database exactly as it was when that transaction began, which is after the
 * backup was asked for. Everything committed before then is in it.
 *
 * The copy is then switched out of WAL mode (a single, self-contained file) and checked read-only:
 * `PRAGMA integrity_check` (pages, indexes, records) and `PRAGMA foreign_key_check`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
async function run() {
	const source = new Database(workerData.source, { fileMustExist: true });
	source.pragma('busy_timeout = 5000');
	try {
		await source.backup(workerData.target, { progress: () => 0x7fffffff });
	} finally {
		source.close();
	}
	const standalone = new Database(workerData.target, { fileMustExist: true });
	standalone.pragma('journal_mode = DELETE');
	standalone.close();
	return verify(workerData.target);
}
function verify(file) {
	const copy = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const problems = [];
		const integrity = copy.pragma('integrity_check', { simple: false }).map((r) => r.integrity_check);
		if (!(integrity.length === 1 && integrity[0] === 'ok'))
			problems.push(...integrity.slice(0, 10).map((m) => 'integrity_check: ' + m));
		const broken = copy.pragma('foreign_key_check');
		for (const row of broken.slice(0, 10))
			problems.push('foreign_key_check: ' + row.table + ' (rowid ' + row.rowid + ') → ' + row.parent);
		if (broken.length > 10) problems.push('foreign_key_check: ' + broken.length + ' broken keys in all');
		let files = [];
		const hasDocuments = copy
			.prepare("select 1 from sqlite_master where type = 'table' and name = 'contract_documents'")
			.get();
		if (hasDocuments && !problems.length)
			files = copy.prepare('select distinct sha256 from contract_documents').pluck().all();
		// the signed PDFs of the communes' recorded decisions (purchase plan)
		const hasDecisionFiles = copy
			.prepare("select 1 from pragma_table_info('plan_decisions') where name = 'file_sha256'")
			.get();
		if (hasDecisionFiles && !problems.length)
			files = [
				...new Set([
					...files,
					...copy
						.prepare('select file_sha256 from plan_decisions where file_sha256 is not null')
						.pluck()
						.all()
				])
			];
		return { problems, files };
	} finally {
		copy.close();
	}
}
(workerData.verifyOnly ? Promise.resolve().then(() => verify(workerData.target)) : run()).then(
	(result) => parentPort.postMessage({ ok: true, result }),
	(err) => parentPort.postMessage({ ok: false, message: String(err && err.message || err) })
);
`;

export interface SnapshotCheck {
	/** what the checks found, empty when the copy is sound */
	problems: string[];
	/** the uploaded files the copy's rows point to (SHA-256 names under DATA_DIR/files) */
	files: string[];
}

function inWorker(data: Record<string, unknown>): Promise<SnapshotCheck> {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...data, driver } });
	return new Promise((resolve, reject) => {
		let answered = false;
		worker.once(
			'message',
			(m: { ok: true; result: SnapshotCheck } | { ok: false; message: string }) => {
				answered = true;
				if (m.ok) resolve(m.result);
				else reject(new Error(m.message));
				void worker.terminate();
			}
		);
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (!answered) reject(new Error(`the backup worker stopped (code ${code})`));
		});
	});
}

/** Copies the live database `source` to `target` (a new file) and checks the copy. */
export function snapshotDatabase(source: string, target: string): Promise<SnapshotCheck> {
	return inWorker({ source, target, verifyOnly: false });
}

/** Checks an existing copy (before a restore, or again from the admin page). */
export function checkDatabaseCopy(file: string): Promise<SnapshotCheck> {
	return inWorker({ target: file, verifyOnly: true });
}
