/**
 * Write-before-relay for the hub's update logs: an update is relayed only once it is durable.
 *
 * `queueWrite` appends the update to the journal (journal.ts) — one write(), durable against the
 * process being killed as a SQLite commit is — and only then lets the room relay it. The journalled
 * updates are folded into the SQLite log together, every FOLD_EVERY_MS or once FOLD_MAX wait, in
 * one transaction, and the journal starts over. (bench:sync: a commit per update was most of the
 * hub's extra CPU against the reference server, and a quarter of a millisecond of its fan-out.)
 *
 * Until it is folded, an update is in the journal and the room's document but not in SQLite, so
 * whatever reads the SQLite log calls `flushWrites()` first: compaction, unloading, a report's
 * rollback, the answers built from the store.
 */
import { getDb } from '../../src/lib/server/db/client';
import { config } from '../../src/lib/server/config';
import { appendUpdate, appendUpdates } from '../../src/lib/server/collab/store';
import { log } from '../../src/lib/server/log';
import { noteUpdateAccepted, quietWaitMs } from '../../src/lib/server/collab/quiet';
import {
	Journal,
	journalPath,
	readJournal,
	registerJournalFold
} from '../../src/lib/server/collab/journal';

export interface BatchedWrite {
	docName: string;
	update: Uint8Array;
	userId: number | null;
	/** called once the update is durable (journalled): others may see it now */
	durable(): void;
	/** called once the update is in the SQLite log, under `seq`, in the order they were accepted */
	stored(seq: number): void;
	/** called when the update could not be journalled, or its fold into SQLite failed */
	failed(err: unknown): void;
}

/**
 * How long a journalled update may wait for its fold, and how many may wait. A fold rewrites
 * every page its updates touch, once: each board's updates share a leaf of the log's b-tree, so
 * folding a second's worth at once writes each page once where folds every 50 ms wrote it twenty
 * times (bench:sync, 20 boards: 27 WAL frames per fold, 540 a second, and as many pages for the
 * checkpoint to copy). The wait costs nothing in durability: the journal holds the update.
 */
const FOLD_EVERY_MS = Number(process.env.SYNC_FOLD_EVERY_MS || 1000);
const FOLD_MAX = 512;

type Pending = BatchedWrite & { at: number };
let pending: Pending[] = [];
/** the journal and database of the writes pending: found once a batch, not once an update */
let target: ReturnType<typeof current> | null = null;
let foldTimer: NodeJS.Timeout | null = null;
/** performance.now() of the batch's first update */
let batchStartedAt = 0;

/**
 * One journal per database connection (tests switch DATA_DIR within a process), and the batch's
 * transaction: better-sqlite3 builds a wrapper per call, so it is built once per connection.
 */
const perConnection = new WeakMap<
	object,
	{ journal: Journal; append: (batch: Pending[]) => number[] }
>();

function current() {
	const sqlite = getDb().$client;
	let found = perConnection.get(sqlite);
	if (!found) {
		found = {
			journal: new Journal(journalPath(config().dataDir)),
			append: sqlite.transaction((batch: Pending[]) => appendUpdates(batch))
		};
		perConnection.set(sqlite, found);
	}
	return found;
}

/** Journals the update, tells the room it may relay it, and queues its fold into SQLite. */
export function queueWrite(write: BatchedWrite) {
	const entry: Pending = Object.assign(write, { at: Date.now() });
	try {
		target ??= current();
		target.journal.append(entry);
	} catch (err) {
		if (!pending.length) target = null;
		write.failed(err);
		return;
	}
	const now = performance.now();
	noteUpdateAccepted(now);
	if (!pending.length) batchStartedAt = now;
	pending.push(entry);
	if (pending.length >= FOLD_MAX) flushWrites();
	else foldTimer ??= setTimeout(foldWhenQuiet, FOLD_EVERY_MS);
	write.durable();
}

/**
 * The fold is due. It holds the event loop for a few microseconds an update (about 2 ms for a
 * second's worth under bench:sync), so it runs in a pause between updates (quiet.ts), not in the
 * middle of a burst, and only past twice FOLD_EVERY_MS whatever comes.
 */
function foldWhenQuiet() {
	foldTimer = null;
	const wait = quietWaitMs(batchStartedAt + 2 * FOLD_EVERY_MS);
	if (wait > 0) {
		foldTimer = setTimeout(foldWhenQuiet, wait);
		return;
	}
	flushWrites();
}

/** Folds every journalled update into SQLite now; safe to call at any time, also re-entrantly. */
export function flushWrites() {
	if (foldTimer) {
		clearTimeout(foldTimer);
		foldTimer = null;
	}
	if (!pending.length || !target) return;
	const batch = pending;
	const { journal, append } = target;
	pending = [];
	target = null;
	let seqs: number[];
	try {
		seqs = append(batch);
	} catch (err) {
		// relayed already and kept in the journal: the next start folds them
		journal.keepForRecovery();
		for (const w of batch) w.failed(err);
		return;
	}
	journal.folded(); // every journalled update was in this batch
	batch.forEach((w, i) => w.stored(seqs[i]));
}

registerJournalFold(flushWrites);

/** Updates journalled but not yet in SQLite (tests, shutdown checks). */
export function queuedWrites(): number {
	return pending.length;
}

/**
 * Folds what the journal of a previous process holds into SQLite, then empties it: called at
 * start, before any document is opened. A record whose document is gone is skipped.
 */
export function recoverJournal(): number {
	const file = journalPath(config().dataDir);
	const records = readJournal(file);
	if (!records.length) return 0;
	const sqlite = getDb().$client;
	let recovered = 0;
	sqlite.transaction(() => {
		for (const r of records) {
			try {
				appendUpdate(r.docName, r.update, r.userId, r.at);
				recovered++;
			} catch (err) {
				log().warn({ err, doc: r.docName }, 'sync: a journalled update has no document left');
			}
		}
	})();
	const journal = current().journal;
	journal.folded();
	log().info({ recovered, of: records.length }, 'sync: journal of the previous run folded');
	return recovered;
}
