/**
 * Server-side writes to board documents (creation, demo content), through the sync hub's store:
 * they land in the same update log the hub replays, so connected and future clients see them.
 */
import * as Y from 'yjs';
import { initBoard } from '../../collab/board';
import { appendUpdate, ensureDocument } from '../collab/store';

export const boardDocName = (boardId: number) => `board:${boardId}`;

/** Creates the board's document with its columns, then lets `fill` add content. */
export function createBoardDocument(boardId: number, fill?: (doc: Y.Doc) => void): Y.Doc {
	const name = boardDocName(boardId);
	const doc = new Y.Doc();
	initBoard(doc);
	fill?.(doc);
	ensureDocument(name, 'board');
	appendUpdate(name, Y.encodeStateAsUpdate(doc), null);
	return doc;
}
