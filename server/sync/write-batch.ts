/**
 * Group commit for the hub's update logs. The updates accepted during one turn of the event loop
 * (the messages that arrived together, typically one per busy board) are appended in a single
 * SQLite transaction at the end of that turn, and only once it has committed are they relayed:
 * write-before-relay holds for every update, but a burst of N updates costs one commit instead
 * of N (bench:sync traced a quarter of the hub's time per update to its own commit).
 *
 * Until it is flushed, an update lives only in the room's Y.Doc and in the sender's own copy, so
 * nothing that shows the document to anyone else may run before `flushWrites()`: the hub calls
 * it before answering a sync step 1, compacting, projecting or unloading.
 */
import { getDb } from '../../src/lib/server/db/client';
import { appendUpdate } from '../../src/lib/server/collab/store';

export interface BatchedWrite {
	docName: string;
	update: Uint8Array;
	userId: number | null;
	/** called after the commit, in the order the updates were accepted */
	persisted(seq: number): void;
	/** called when the transaction failed: nothing of the batch is on disk */
	failed(err: unknown): void;
}

let pending: BatchedWrite[] = [];
let scheduled = false;

/** better-sqlite3 builds a transaction wrapper per call: build it once per connection. */
const appendAll = new WeakMap<object, (batch: BatchedWrite[]) => number[]>();

function appender(): (batch: BatchedWrite[]) => number[] {
	const sqlite = getDb().$client;
	let run = appendAll.get(sqlite);
	if (!run) {
		run = sqlite.transaction((batch: BatchedWrite[]) =>
			batch.map((w) => appendUpdate(w.docName, w.update, w.userId))
		);
		appendAll.set(sqlite, run);
	}
	return run;
}

/** Queues an update for the end of this turn of the event loop. */
export function queueWrite(write: BatchedWrite) {
	pending.push(write);
	if (scheduled) return;
	scheduled = true;
	setImmediate(flushWrites);
}

/** Commits what is queued, then tells each write; safe to call at any time, also re-entrantly. */
export function flushWrites() {
	scheduled = false;
	if (!pending.length) return;
	const batch = pending;
	pending = [];
	let seqs: number[];
	try {
		seqs = appender()(batch);
	} catch (err) {
		for (const w of batch) w.failed(err);
		return;
	}
	batch.forEach((w, i) => w.persisted(seqs[i]));
}

/** Updates accepted but not yet on disk (tests, shutdown checks). */
export function queuedWrites(): number {
	return pending.length;
}
