/**
 * Automerge on top of the generic document store: a document is its saved snapshot followed by
 * change chunks (one row per accepted sync message, the changes it brought, concatenated).
 * Automerge loads such a concatenation as it is (`loadIncremental`), skipping duplicates.
 */
import * as A from '@automerge/automerge';
import { compactDocument, ensureDocument, loadDocument } from './store';

export interface LoadedAutomergeDoc<T> {
	doc: A.Doc<T>;
	/** sequence number of the last stored part the doc contains */
	lastSeq: number;
	pendingUpdates: number;
	/** bytes stored for the document (snapshot and log), what the size limit counts */
	bytes: number;
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.byteLength;
	}
	return out;
}

/** The stored document, or null when it has no row. */
export function loadAutomergeDoc<T>(name: string): LoadedAutomergeDoc<T> | null {
	const stored = loadDocument(name);
	if (!stored) return null;
	const bytes = stored.parts.reduce((n, p) => n + p.byteLength, 0);
	const doc = stored.parts.length
		? A.loadIncremental(A.init<T>(), concat(stored.parts))
		: A.init<T>();
	return { doc, lastSeq: stored.lastSeq, pendingUpdates: stored.pendingUpdates, bytes };
}

/** Stores a new document's first state (created by the server, so no user made it). */
export function createAutomergeDoc(name: string, kind: string, doc: A.Doc<unknown>) {
	ensureDocument(name, kind);
	compactDocument(name, A.save(doc), 0);
}

/**
 * Folds everything stored into one saved snapshot, rebuilt from the store (not from a live doc,
 * which may hold changes a failed write never stored).
 */
export function compactAutomergeFromStore(name: string): void {
	const stored = loadDocument(name);
	if (!stored || stored.pendingUpdates === 0) return;
	const doc = A.loadIncremental(A.init(), concat(stored.parts));
	compactDocument(name, A.save(doc), stored.lastSeq);
}
