/**
 * Group commit for the hub's update logs, with write-before-relay: an update is relayed only once
 * the SQLite transaction holding it has committed.
 *
 * The first update accepted in a turn of the event loop is committed at once: alone, it has nothing
 * to wait for, and updates from people typing on different boards mostly arrive one per turn.
 * Those accepted after it in the same turn are a burst (several boards' updates read together):
 * they are appended in a single transaction at the end of the turn, so a burst of N costs two
 * commits instead of N. (bench:sync traced a quarter of the hub's time per update to its own
 * commit; and holding a lone update until the end of its turn doubled its time in the hub.)
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
/** an update was committed at once in this turn: the next ones wait for its end */
let turnOpen = false;

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

/** Commits the first update of a turn now; queues the next ones of that turn for its end. */
export function queueWrite(write: BatchedWrite) {
	pending.push(write);
	if (turnOpen) return;
	// nothing is queued here: every update queued while a turn is open is flushed at its end
	turnOpen = true;
	setImmediate(endTurn);
	flushWrites();
}

function endTurn() {
	turnOpen = false;
	flushWrites();
}

/** Commits what is queued, then tells each write; safe to call at any time, also re-entrantly. */
export function flushWrites() {
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
