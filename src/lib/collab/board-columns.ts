/**
 * The columns of a board document: `columns` is a Y.Array of Y.Map { id, title, position }.
 *
 * Display order comes from each column's `position` (a float between its neighbours), not from
 * the array: a move is one field write, so two people moving the same column at once settle
 * last-writer-wins instead of each inserting a copy (moving inside a Y.Array is delete + insert,
 * which duplicates under concurrency). Columns written before positions existed fall back to
 * their index in the array.
 */
import * as Y from 'yjs';

export interface Column {
	id: string;
	title: string;
}

export const COLUMN_TITLE_MAX = 60;

export const columnsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('columns');

interface Placed {
	map: Y.Map<unknown>;
	id: string;
	title: string;
	position: number;
}

function placed(doc: Y.Doc): Placed[] {
	return columnsOf(doc)
		.toArray()
		.map((map, index) => {
			const position = map.get('position');
			return {
				map,
				id: String(map.get('id')),
				title: String(map.get('title') ?? ''),
				position: typeof position === 'number' && Number.isFinite(position) ? position : index
			};
		})
		.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** The columns in display order. */
export function listColumns(doc: Y.Doc): Column[] {
	return placed(doc).map(({ id, title }) => ({ id, title }));
}

/** The French reason a column title is refused, or null when it is fine. */
export function checkColumnTitle(title: string): string | null {
	const t = title.trim();
	if (!t) return 'Indiquez le nom de la colonne.';
	if (t.length > COLUMN_TITLE_MAX)
		return `Le nom d’une colonne ne peut pas dépasser ${COLUMN_TITLE_MAX} caractères.`;
	return null;
}

/** Adds a column after the last one; returns its id. */
export function addColumn(
	doc: Y.Doc,
	title: string,
	id: string = globalThis.crypto.randomUUID()
): string {
	const all = placed(doc);
	const column = new Y.Map<unknown>();
	column.set('id', id);
	column.set('title', title.trim());
	column.set('position', all.length ? all[all.length - 1].position + 1 : 1);
	columnsOf(doc).push([column]);
	return id;
}

export function renameColumn(doc: Y.Doc, id: string, title: string) {
	placed(doc)
		.find((c) => c.id === id)
		?.map.set('title', title.trim());
}

/**
 * Moves a column one step left (-1) or right (+1). Returns false when it is already at that
 * end (or missing). The new position lies between the neighbour and the one beyond it.
 */
export function moveColumn(doc: Y.Doc, id: string, step: -1 | 1): boolean {
	const all = placed(doc);
	const from = all.findIndex((c) => c.id === id);
	const to = from + step;
	if (from === -1 || to < 0 || to >= all.length) return false;
	const neighbour = all[to].position;
	const beyond = all[to + step]?.position ?? neighbour + step;
	all[from].map.set('position', (neighbour + beyond) / 2);
	return true;
}

export type DeleteColumnResult = 'deleted' | 'not-empty' | 'last' | 'missing';

/** Number of cards whose column is `id` (as stored). */
export function cardsInColumn(doc: Y.Doc, id: string): number {
	let n = 0;
	for (const card of doc.getMap<Y.Map<unknown>>('cards').values())
		if (card.get('column') === id) n++;
	return n;
}

/** Deletes a column that holds no card; the last column of a board stays. */
export function deleteColumn(doc: Y.Doc, id: string): DeleteColumnResult {
	const array = columnsOf(doc);
	const index = array.toArray().findIndex((c) => c.get('id') === id);
	if (index === -1) return 'missing';
	if (array.length === 1) return 'last';
	if (cardsInColumn(doc, id) > 0) return 'not-empty';
	array.delete(index, 1);
	return 'deleted';
}
