/**
 * Yjs on top of the generic document store: rebuild a Y.Doc from its snapshot and log, and fold
 * the log into a new snapshot.
 */
import * as Y from 'yjs';
import { defineBoardRoots } from '../../collab/board';
import { compactDocument, ensureDocument, loadDocument, parseDocumentName } from './store';

/** Root types defined before a document of the kind is filled (see defineBoardRoots). */
const ROOTS: Record<string, (doc: Y.Doc) => void> = { board: defineBoardRoots };

function emptyDoc(name: string): Y.Doc {
	const doc = new Y.Doc();
	ROOTS[parseDocumentName(name)?.kind ?? '']?.(doc);
	return doc;
}

export interface LoadedYDoc {
	doc: Y.Doc;
	/** sequence number of the last stored update the doc contains */
	lastSeq: number;
	/** logged updates not yet folded into the snapshot */
	pendingUpdates: number;
	/** sequence number the snapshot holds updates up to */
	snapshotSeq: number;
}

/** The document as stored (created empty when it has no row yet). */
export function loadYDoc(name: string): LoadedYDoc {
	let stored = loadDocument(name);
	if (!stored) {
		ensureDocument(name, parseDocumentName(name)?.kind ?? 'unknown');
		stored = loadDocument(name)!;
	}
	// gc stays on: deleted content is dropped from snapshots as Yjs normally does
	const doc = emptyDoc(name);
	if (stored.parts.length) Y.applyUpdate(doc, Y.mergeUpdates(stored.parts));
	const { lastSeq, pendingUpdates, snapshotSeq } = stored;
	return { doc, lastSeq, pendingUpdates, snapshotSeq };
}

/**
 * Folds the log into a snapshot of `doc`, which must contain every update up to `uptoSeq` (the hub
 * appends synchronously before applying anything else, so its live doc always does).
 */
export function compactYDoc(name: string, doc: Y.Doc, uptoSeq: number) {
	compactDocument(name, Y.encodeStateAsUpdate(doc), uptoSeq);
}

/**
 * Folds everything stored into a new snapshot, rebuilt from the store rather than from a live doc
 * (for when something else appended to the log); returns the snapshot and the seq it holds.
 */
export function compactFromStore(name: string): { snapshot: Uint8Array; seq: number } | null {
	const stored = loadDocument(name);
	if (!stored) return null;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.mergeUpdates(stored.parts));
	const snapshot = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	compactDocument(name, snapshot, stored.lastSeq);
	return { snapshot, seq: stored.lastSeq };
}

/** Reads a stored document into a fresh Y.Doc without keeping it (projections, rebuilds). */
export function readYDoc(name: string): Y.Doc | null {
	const stored = loadDocument(name);
	if (!stored) return null;
	const doc = emptyDoc(name);
	if (stored.parts.length) Y.applyUpdate(doc, Y.mergeUpdates(stored.parts));
	return doc;
}
