/**
 * The `needs` projection: one SQL row per card of every board document, so search, ranking and
 * « Créer un marché » run on SQL. Written from the hub's live documents (debounced) and
 * rebuildable from the stored documents at any time.
 */
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import { cardsOf, descriptionText, listCards, listColumns } from '../../collab/board';
import { normalizeForSearch } from '../../domain/text';
import { getDb } from '../db/client';
import { preparedQueries } from '../db/prepared';
import { boards, needs } from '../db/schema';
import { onDocumentChanged } from '../collab/changes';
import { readYDoc } from '../collab/yjs-documents';
import { boardDocName } from './board-documents';
import { now as clockNow } from '../clock';

const SUMMARY_LENGTH = 280;

function summarise(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= SUMMARY_LENGTH ? flat : flat.slice(0, SUMMARY_LENGTH - 1).trimEnd() + '…';
}

type NeedRow = typeof needs.$inferSelect;
/** what the document decides in a row: everything but the date it last changed */
type Projected = Omit<NeedRow, 'updatedAt'>;

function sameRow(stored: NeedRow, projected: Projected): boolean {
	return (Object.keys(projected) as (keyof Projected)[]).every(
		(key) => stored[key] === projected[key]
	);
}

const boardId = sql.placeholder('boardId');
const cardId = sql.placeholder('cardId');

/** `title = excluded.title`, … for every column a projection writes */
const fromExcluded = Object.fromEntries(
	Object.entries(getTableColumns(needs))
		.filter(([key]) => key !== 'cardId')
		.map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)])
);

/**
 * Prepared once per connection: the hub projects every live board every few seconds (at most
 * CHANGE_MAX_WAIT_MS apart while people type), and drizzle building each query's SQL again cost
 * most of a projection (bench:sync: 0.6 ms a board, and the compiler kept optimising the
 * builder's code under load).
 */
const statements = preparedQueries((db) => ({
	board: db.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId)).prepare(),
	rows: db.select().from(needs).where(eq(needs.boardId, boardId)).prepare(),
	upsert: db
		.insert(needs)
		.values(
			Object.fromEntries(
				Object.keys(getTableColumns(needs)).map((key) => [key, sql.placeholder(key)])
			) as unknown as typeof needs.$inferInsert
		)
		.onConflictDoUpdate({ target: needs.cardId, set: fromExcluded })
		.prepare(),
	remove: db
		.delete(needs)
		.where(and(eq(needs.cardId, cardId), eq(needs.boardId, boardId)))
		.prepare(),
	/** better-sqlite3's own transaction, made once: drizzle's builds a transaction object a call */
	inTransaction: db.$client.transaction((run: () => void) => run())
}));

/**
 * Brings the board's rows in line with the document's cards, in one transaction: a card whose
 * row already says the same is left alone (its date is when it last changed, and a board where
 * one card was edited costs one write, not one per card), others are inserted, updated or
 * deleted.
 */
export function projectBoard(board: number, doc: Y.Doc, now = clockNow()) {
	const live = cardsOf(doc);
	const columns = new Map(listColumns(doc).map((c) => [c.id, c.title]));
	const projected: Projected[] = listCards(doc).map((card) => {
		const counts = { must: 0, should: 0, could: 0, wont: 0 };
		for (const r of card.requirements) if (r.moscow in counts) counts[r.moscow]++;
		const title = card.title.trim() || 'Besoin sans titre';
		return {
			cardId: card.id,
			boardId: board,
			title,
			searchTitle: normalizeForSearch(title),
			summary: summarise(descriptionText(live.get(card.id)!)),
			columnTitle: columns.get(card.column) ?? '',
			module: card.module,
			targetYear: card.targetYear,
			estimatedBudgetCents: card.budgetCents,
			communes: JSON.stringify(card.communes),
			mustCount: counts.must,
			shouldCount: counts.should,
			couldCount: counts.could,
			wontCount: counts.wont
		};
	});
	const s = statements();
	s.inTransaction(() => {
		const stored = new Map(s.rows.all({ boardId: board }).map((row) => [row.cardId, row]));
		for (const row of projected) {
			const before = stored.get(row.cardId);
			stored.delete(row.cardId);
			if (before && sameRow(before, row)) continue;
			// a card id is unique across boards; a card copied from another board moves its row
			s.upsert.run({ ...row, updatedAt: now });
		}
		for (const id of stored.keys()) s.remove.run({ cardId: id, boardId: board });
	});
}

function boardIdOf(docName: string): number | null {
	const match = /^board:([1-9][0-9]*)$/.exec(docName);
	return match ? Number(match[1]) : null;
}

/**
 * Boards projected before rows carried their column's title (an older schema): re-projected
 * once from their stored documents, so the list view never shows a blank column.
 */
function backfillColumnTitles() {
	const stale = getDb()
		.selectDistinct({ boardId: needs.boardId })
		.from(needs)
		.where(eq(needs.columnTitle, ''))
		.all();
	for (const { boardId } of stale) {
		const doc = readYDoc(boardDocName(boardId));
		if (doc) projectBoard(boardId, doc);
	}
}

/** Keeps the projection up to date from the sync hub; returns the unsubscribe function. */
export function startNeedsProjection(): () => void {
	backfillColumnTitles();
	return onDocumentChanged('board', (docName, doc) => {
		const board = boardIdOf(docName);
		if (board != null && statements().board.get({ boardId: board })) projectBoard(board, doc);
	});
}

/** Rebuilds the projection of every board from the stored documents; returns the board count. */
export function rebuildNeedsProjection(): number {
	const all = getDb().select({ id: boards.id }).from(boards).all();
	for (const { id } of all) {
		const doc = readYDoc(boardDocName(id));
		if (doc) projectBoard(id, doc);
		else getDb().delete(needs).where(eq(needs.boardId, id)).run();
	}
	return all.length;
}
