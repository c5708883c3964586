/**
 * Projections hook: the sync hub calls the listeners of a document kind, debounced, after it
 * accepted updates to a document of that kind. Kept on globalThis because the SvelteKit bundle and
 * server/ each hold a copy of this module.
 */
import type * as Y from 'yjs';
import { log } from '../log';

export type DocumentChangedListener = (docName: string, doc: Y.Doc) => void;

const KEY = Symbol.for('centrale.documentChanged');
type Holder = { [KEY]?: Map<string, Set<DocumentChangedListener>> };

function listeners(): Map<string, Set<DocumentChangedListener>> {
	const holder = globalThis as Holder;
	holder[KEY] ??= new Map();
	return holder[KEY];
}

/**
 * Calls `listener(docName, doc)` some time (about a second) after documents of `kind` changed,
 * and before an idle document is unloaded. The doc is the hub's live copy: read it synchronously,
 * never keep or modify it. Returns an unsubscribe function.
 */
export function onDocumentChanged(kind: string, listener: DocumentChangedListener): () => void {
	const all = listeners();
	if (!all.has(kind)) all.set(kind, new Set());
	all.get(kind)!.add(listener);
	return () => all.get(kind)?.delete(listener);
}

/** Called by the hub; a failing listener is logged and never disturbs the hub or the others. */
export function notifyDocumentChanged(kind: string, docName: string, doc: Y.Doc) {
	for (const listener of listeners().get(kind) ?? []) {
		try {
			listener(docName, doc);
		} catch (err) {
			log().error({ err, docName }, 'document projection failed');
		}
	}
}
