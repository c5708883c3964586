/**
 * The shape of a need board, the Yjs document `board:<id>`, shared by the browser and the server.
 *
 * Root types:
 * - `columns`: Y.Array of Y.Map { id, title }, in display order;
 * - `cards`: Y.Map of card id → Y.Map (see {@link CardFields}).
 *
 * A card knows its column and a position (a float between its neighbours), so a move is two
 * field writes and concurrent moves settle last-writer-wins instead of duplicating the card.
 * Rights are not in here: who may write the document is decided in SQL by the sync hub.
 */
import * as Y from 'yjs';
import { MODULES, type Module } from '../domain/catalogue/types';
import { addColumn, columnsOf, listColumns } from './board-columns';

export {
	addColumn,
	cardsInColumn,
	checkColumnTitle,
	columnsOf,
	deleteColumn,
	listColumns,
	moveColumn,
	renameColumn,
	type Column
} from './board-columns';

// a card's module is a catalogue Module: the vocabulary and its labels are the catalogue's
export { MODULES, type Module } from '../domain/catalogue/types';
export { MODULE_LABELS } from '../domain/catalogue/labels';

export const MOSCOW = ['must', 'should', 'could', 'wont'] as const;
export type Moscow = (typeof MOSCOW)[number];
export const MOSCOW_LABELS: Record<Moscow, string> = {
	must: 'Indispensable (must)',
	should: 'Important (should)',
	could: 'Souhaitable (could)',
	wont: 'Pas cette fois (won’t)'
};

export interface Requirement {
	id: string;
	text: string;
	moscow: Moscow;
}

export interface Comment {
	id: string;
	/** display name of the author, as written at the time */
	author: string;
	text: string;
	/** UTC ms */
	at: number;
}

/** A card as plain data (a snapshot; the live card is a Y.Map). */
export interface Card {
	id: string;
	column: string;
	position: number;
	title: string;
	module: Module | null;
	targetYear: number | null;
	budgetCents: number | null;
	communes: number[];
	requirements: Requirement[];
	comments: Comment[];
}

type CardMap = Y.Map<unknown>;

export function newId(): string {
	return globalThis.crypto.randomUUID();
}

export const cardsOf = (doc: Y.Doc) => doc.getMap<CardMap>('cards');

/**
 * Defines the board's root types on a document before anything is applied to it, as the browser
 * does: stored content then lands in typed roots. Otherwise Yjs keeps them as generic types until
 * something asks for them by type, and the server's first projection of a live board turned them
 * into typed ones under the running hub, which made V8 throw away its optimised code for Yjs's
 * update path and compile it again (bench:sync with `--trace-deopt`: « code dependencies » on
 * applyUpdateV2 and cleanupTransactions).
 */
export function defineBoardRoots(doc: Y.Doc) {
	columnsOf(doc);
	cardsOf(doc);
}

export function getCardMap(doc: Y.Doc, id: string): CardMap | undefined {
	return cardsOf(doc).get(id);
}

/** The rich-text description, bound to the Tiptap editor. */
export function descriptionOf(card: CardMap): Y.XmlFragment {
	return card.get('description') as Y.XmlFragment;
}

const requirementsOf = (card: CardMap) => card.get('requirements') as Y.Array<Requirement>;
const communesOf = (card: CardMap) => card.get('communes') as Y.Array<number>;
const commentsOf = (card: CardMap) => card.get('comments') as Y.Array<Comment>;

export interface NewCard {
	title: string;
	column: string;
	module?: Module | null;
	targetYear?: number | null;
	budgetCents?: number | null;
	communes?: number[];
	requirements?: Omit<Requirement, 'id'>[];
	/** paragraphs of the description */
	description?: string[];
}

/** Adds a card at the end of its column; returns its id. */
export function addCard(doc: Y.Doc, input: NewCard, id = newId()): string {
	doc.transact(() => {
		const card = new Y.Map<unknown>();
		const last = listCards(doc).filter((c) => c.column === input.column);
		card.set('id', id);
		card.set('column', input.column);
		card.set('position', last.length ? last[last.length - 1].position + 1 : 1);
		card.set('title', input.title);
		card.set('module', input.module ?? null);
		card.set('targetYear', input.targetYear ?? null);
		card.set('budgetCents', input.budgetCents ?? null);
		const description = new Y.XmlFragment();
		description.insert(
			0,
			(input.description ?? []).map((text) => {
				const p = new Y.XmlElement('paragraph');
				p.insert(0, [new Y.XmlText(text)]);
				return p;
			})
		);
		card.set('description', description);
		const requirements = new Y.Array<Requirement>();
		requirements.push((input.requirements ?? []).map((r) => ({ ...r, id: newId() })));
		card.set('requirements', requirements);
		const communes = new Y.Array<number>();
		communes.push(input.communes ?? []);
		card.set('communes', communes);
		card.set('comments', new Y.Array<Comment>());
		cardsOf(doc).set(id, card);
	});
	return id;
}

function readCard(card: CardMap): Card {
	const module = card.get('module');
	return {
		id: String(card.get('id')),
		column: String(card.get('column')),
		position: Number(card.get('position') ?? 0),
		title: String(card.get('title') ?? ''),
		module: MODULES.includes(module as Module) ? (module as Module) : null,
		targetYear: numberOrNull(card.get('targetYear')),
		budgetCents: numberOrNull(card.get('budgetCents')),
		communes: communesOf(card)?.toArray() ?? [],
		requirements: requirementsOf(card)?.toArray() ?? [],
		comments: commentsOf(card)?.toArray() ?? []
	};
}

function numberOrNull(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Every card, by column order then position. A card whose column was deleted while someone
 * added it there (offline, or at the same moment) is shown in the first column, never lost.
 */
export function listCards(doc: Y.Doc): Card[] {
	const columns = listColumns(doc);
	const order = new Map(columns.map((c, i) => [c.id, i]));
	return [...cardsOf(doc).values()]
		.map(readCard)
		.map((c) => (order.has(c.column) || !columns.length ? c : { ...c, column: columns[0].id }))
		.sort(
			(a, b) =>
				(order.get(a.column) ?? 1e9) - (order.get(b.column) ?? 1e9) ||
				a.position - b.position ||
				a.id.localeCompare(b.id)
		);
}

export function getCard(doc: Y.Doc, id: string): Card | undefined {
	return getCardMap(doc, id) ? listCards(doc).find((c) => c.id === id) : undefined;
}

type Editable = Pick<Card, 'title' | 'module' | 'targetYear' | 'budgetCents'>;

export function updateCard(doc: Y.Doc, id: string, patch: Partial<Editable>) {
	const card = getCardMap(doc, id);
	if (!card) return;
	doc.transact(() => {
		for (const [key, value] of Object.entries(patch)) card.set(key, value);
	});
}

/** Moves a card to a column, before `beforeId` or at the end. */
export function moveCard(doc: Y.Doc, id: string, column: string, beforeId?: string) {
	const card = getCardMap(doc, id);
	if (!card) return;
	const siblings = listCards(doc).filter((c) => c.column === column && c.id !== id);
	const index = beforeId ? siblings.findIndex((c) => c.id === beforeId) : -1;
	let position: number;
	if (index === -1) position = siblings.length ? siblings[siblings.length - 1].position + 1 : 1;
	else if (index === 0) position = siblings[0].position - 1;
	else position = (siblings[index - 1].position + siblings[index].position) / 2;
	doc.transact(() => {
		card.set('column', column);
		card.set('position', position);
	});
}

export function deleteCard(doc: Y.Doc, id: string) {
	cardsOf(doc).delete(id);
}

export function addRequirement(doc: Y.Doc, cardId: string, text: string, moscow: Moscow): string {
	const id = newId();
	const card = getCardMap(doc, cardId);
	if (card) requirementsOf(card).push([{ id, text, moscow }]);
	return id;
}

/** Requirements are immutable entries: an edit replaces the entry in place. */
export function updateRequirement(
	doc: Y.Doc,
	cardId: string,
	requirementId: string,
	patch: Partial<Omit<Requirement, 'id'>>
) {
	const card = getCardMap(doc, cardId);
	if (!card) return;
	const list = requirementsOf(card);
	const index = list.toArray().findIndex((r) => r.id === requirementId);
	if (index === -1) return;
	doc.transact(() => {
		const next = { ...list.get(index), ...patch };
		list.delete(index, 1);
		list.insert(index, [next]);
	});
}

export function removeRequirement(doc: Y.Doc, cardId: string, requirementId: string) {
	const card = getCardMap(doc, cardId);
	if (!card) return;
	const list = requirementsOf(card);
	const index = list.toArray().findIndex((r) => r.id === requirementId);
	if (index !== -1) list.delete(index, 1);
}

export function setCommunes(doc: Y.Doc, cardId: string, organisationIds: number[]) {
	const card = getCardMap(doc, cardId);
	if (!card) return;
	const list = communesOf(card);
	doc.transact(() => {
		list.delete(0, list.length);
		list.push([...new Set(organisationIds)]);
	});
}

export function addComment(
	doc: Y.Doc,
	cardId: string,
	comment: Omit<Comment, 'id'>,
	id = newId()
): string {
	const card = getCardMap(doc, cardId);
	if (card) commentsOf(card).push([{ ...comment, id }]);
	return id;
}

/** Plain text of the description (paragraphs and list items joined by newlines). */
export function descriptionText(card: CardMap): string {
	const fragment = descriptionOf(card);
	if (!fragment) return '';
	const blocks: string[] = [];
	const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
		if (node instanceof Y.XmlText) {
			blocks[blocks.length - 1] += node.toString().replace(/<[^>]+>/g, '');
			return;
		}
		if (node instanceof Y.XmlElement && node.nodeName !== 'bulletList') blocks.push('');
		for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText);
	};
	walk(fragment);
	return blocks
		.map((b) => b.trim())
		.filter(Boolean)
		.join('\n');
}

/** An empty board with the usual columns, written in one transaction. */
export function initBoard(doc: Y.Doc, columns = ['À trier', 'En rédaction', 'Prêt']) {
	doc.transact(() => {
		for (const title of columns) addColumn(doc, title);
	});
}
