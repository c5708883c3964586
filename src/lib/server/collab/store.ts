/**
 * The document store: a compacted snapshot plus an append-only update log per document, in the
 * same SQLite file as everything else. It knows nothing about Yjs or Automerge: merging the parts
 * into a snapshot is the caller's business (see yjs-documents.ts).
 *
 * `appendUpdate` is a synchronous insert: the sync hub calls it before relaying an update, so an
 * update another user has seen is on disk even if the process is killed right after.
 */
import type Database from 'better-sqlite3';
import { getDb } from '../db/client';

export interface StoredDocument {
	name: string;
	kind: string;
	/** the snapshot first (when there is one), then every update logged after it, in order */
	parts: Uint8Array[];
	/** sequence number of the last part (0 for a document with nothing stored yet) */
	lastSeq: number;
	/** how many logged updates follow the snapshot */
	pendingUpdates: number;
	/** sequence number up to which the snapshot holds the updates */
	snapshotSeq: number;
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(sqlite: Database.Database) {
	return {
		ensure: sqlite.prepare(
			'insert into documents (name, kind, snapshot_seq, updated_at) values (?, ?, 0, ?) on conflict(name) do nothing'
		),
		// the next seq of this document: after its last logged update, or after its snapshot
		append: sqlite.prepare(
			`insert into document_updates (doc_name, seq, "update", user_id, at)
			 values (@name, coalesce(
			   (select max(seq) from document_updates where doc_name = @name),
			   (select snapshot_seq from documents where name = @name)) + 1,
			 @update, @userId, @at)
			 returning seq`
		),
		head: sqlite.prepare(
			'select kind, snapshot, snapshot_seq as seq from documents where name = ?'
		),
		log: sqlite.prepare(
			'select seq, "update" as data from document_updates where doc_name = ? and seq > ? order by seq'
		),
		snapshot: sqlite.prepare(
			'update documents set snapshot = ?, snapshot_seq = ?, updated_at = ? where name = ?'
		),
		fold: sqlite.prepare('delete from document_updates where doc_name = ? and seq <= ?'),
		count: sqlite.prepare(
			'select count(*) as n from document_updates where doc_name = ? and seq > ? and seq <= ?'
		)
	};
}

function statements(): Statements {
	const sqlite = getDb().$client;
	let prepared = cache.get(sqlite);
	if (!prepared) cache.set(sqlite, (prepared = prepare(sqlite)));
	return prepared;
}

/** better-sqlite3 binds Buffers; this views the same bytes without copying them. */
function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes)
		? bytes
		: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `board:12` → { kind: 'board', id: '12' }; null for anything else. */
export function parseDocumentName(name: string): { kind: string; id: string } | null {
	const match = /^([a-z][a-z-]{0,30}):([A-Za-z0-9_-]{1,64})$/.exec(name);
	return match ? { kind: match[1], id: match[2] } : null;
}

/** Creates the document's row if it has none yet (its content is empty). */
export function ensureDocument(name: string, kind: string, now = Date.now()) {
	statements().ensure.run(name, kind, now);
}

/** Appends one update to the document's log, synchronously; returns its sequence number. */
export function appendUpdate(
	name: string,
	update: Uint8Array,
	userId: number | null,
	now = Date.now()
): number {
	const row = statements().append.get({ name, update: asBuffer(update), userId, at: now }) as {
		seq: number;
	};
	return row.seq;
}

/** The snapshot and the updates logged after it; null when the document has no row. */
export function loadDocument(name: string): StoredDocument | null {
	const s = statements();
	const head = s.head.get(name) as
		{ kind: string; snapshot: Buffer | null; seq: number } | undefined;
	if (!head) return null;
	const rows = s.log.all(name, head.seq) as { seq: number; data: Buffer }[];
	const parts: Uint8Array[] = head.snapshot ? [head.snapshot] : [];
	for (const row of rows) parts.push(row.data);
	return {
		name,
		kind: head.kind,
		parts,
		lastSeq: rows.length ? rows[rows.length - 1].seq : head.seq,
		pendingUpdates: rows.length,
		snapshotSeq: head.seq
	};
}

/** How many updates the log holds in (afterSeq, uptoSeq]. */
export function countUpdates(name: string, afterSeq: number, uptoSeq: number): number {
	return (statements().count.get(name, afterSeq, uptoSeq) as { n: number }).n;
}

/**
 * Replaces the snapshot by `snapshot` (which must hold every update up to `uptoSeq`) and deletes
 * the folded updates, in one transaction: a crash leaves either the old or the new state.
 */
export function compactDocument(
	name: string,
	snapshot: Uint8Array,
	uptoSeq: number,
	now = Date.now()
) {
	const s = statements();
	getDb().$client.transaction(() => {
		s.snapshot.run(asBuffer(snapshot), uptoSeq, now, name);
		s.fold.run(name, uptoSeq);
	})();
}
