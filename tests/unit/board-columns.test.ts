import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	addColumn,
	checkColumnTitle,
	deleteColumn,
	initBoard,
	listCards,
	listColumns,
	moveColumn,
	renameColumn
} from '../../src/lib/collab/board';

function board(titles = ['A', 'B', 'C']) {
	const doc = new Y.Doc();
	initBoard(doc, titles);
	return doc;
}
const titles = (doc: Y.Doc) => listColumns(doc).map((c) => c.title);
const idOf = (doc: Y.Doc, title: string) => listColumns(doc).find((c) => c.title === title)!.id;

/** a second replica of `doc`, as another client gets it from the hub */
function replica(doc: Y.Doc) {
	const other = new Y.Doc();
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	return other;
}
function sync(x: Y.Doc, y: Y.Doc) {
	Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
	Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)));
}

describe('column operations', () => {
	it('adds at the end, renames with the title trimmed', () => {
		const doc = board();
		addColumn(doc, '  Validé  ');
		expect(titles(doc)).toEqual(['A', 'B', 'C', 'Validé']);
		renameColumn(doc, idOf(doc, 'B'), ' En cours ');
		expect(titles(doc)).toEqual(['A', 'En cours', 'C', 'Validé']);
		renameColumn(doc, 'nope', 'X');
		expect(titles(doc)).toEqual(['A', 'En cours', 'C', 'Validé']);
	});

	it.each<[string, -1 | 1, string[], boolean]>([
		['A', 1, ['B', 'A', 'C'], true],
		['B', 1, ['A', 'C', 'B'], true],
		['C', 1, ['A', 'B', 'C'], false],
		['A', -1, ['A', 'B', 'C'], false],
		['B', -1, ['B', 'A', 'C'], true],
		['C', -1, ['A', 'C', 'B'], true]
	])('moves %s by %i → %j', (title, step, expected, moved) => {
		const doc = board();
		expect(moveColumn(doc, idOf(doc, title), step)).toBe(moved);
		expect(titles(doc)).toEqual(expected);
	});

	it('moves columns of a board written before positions existed', () => {
		const doc = new Y.Doc();
		for (const title of ['A', 'B', 'C']) {
			const m = new Y.Map<unknown>();
			m.set('id', title.toLowerCase());
			m.set('title', title);
			doc.getArray('columns').push([m]);
		}
		expect(titles(doc)).toEqual(['A', 'B', 'C']);
		moveColumn(doc, 'c', -1);
		expect(titles(doc)).toEqual(['A', 'C', 'B']);
		addColumn(doc, 'D');
		expect(titles(doc)).toEqual(['A', 'C', 'B', 'D']);
	});

	it('keeps cards in their column when columns move', () => {
		const doc = board();
		const card = addCard(doc, { title: 'Besoin', column: idOf(doc, 'B') });
		moveColumn(doc, idOf(doc, 'B'), -1);
		expect(listCards(doc).find((c) => c.id === card)!.column).toBe(idOf(doc, 'B'));
	});

	it('deletes an empty column only, and never the last one', () => {
		const doc = board();
		addCard(doc, { title: 'Besoin', column: idOf(doc, 'A') });
		expect(deleteColumn(doc, idOf(doc, 'A'))).toBe('not-empty');
		expect(deleteColumn(doc, 'nope')).toBe('missing');
		expect(deleteColumn(doc, idOf(doc, 'B'))).toBe('deleted');
		expect(titles(doc)).toEqual(['A', 'C']);
		const single = board(['Seule']);
		expect(deleteColumn(single, idOf(single, 'Seule'))).toBe('last');
	});

	it.each<[string, string | null]>([
		['À trier', null],
		['   ', 'Indiquez le nom de la colonne.'],
		['x'.repeat(61), 'Le nom d’une colonne ne peut pas dépasser 60 caractères.'],
		['x'.repeat(60), null]
	])('title %j → %j', (title, message) => {
		expect(checkColumnTitle(title)).toBe(message);
	});
});

describe('columns edited by two clients at once', () => {
	it('two renames of the same column converge on one title', () => {
		const a = board();
		const b = replica(a);
		renameColumn(a, idOf(a, 'B'), 'Par Karim');
		renameColumn(b, idOf(b, 'B'), 'Par Marc');
		sync(a, b);
		expect(titles(a)).toEqual(titles(b));
		expect(titles(a)).toHaveLength(3);
		expect(['Par Karim', 'Par Marc']).toContain(titles(a)[1]);
	});

	it('two moves of the same column converge without duplicating it', () => {
		const a = board(['A', 'B', 'C', 'D']);
		const b = replica(a);
		moveColumn(a, idOf(a, 'A'), 1);
		moveColumn(b, idOf(b, 'A'), 1);
		moveColumn(b, idOf(b, 'A'), 1);
		sync(a, b);
		expect(titles(a)).toEqual(titles(b));
		expect([...titles(a)].sort()).toEqual(['A', 'B', 'C', 'D']);
	});

	it('a card added to a column deleted meanwhile stays visible, in the first column', () => {
		const a = board();
		const b = replica(a);
		expect(deleteColumn(a, idOf(a, 'B'))).toBe('deleted');
		const card = addCard(b, { title: 'Écrit hors ligne', column: idOf(b, 'B') });
		sync(a, b);
		for (const doc of [a, b]) {
			expect(titles(doc)).toEqual(['A', 'C']);
			expect(listCards(doc).find((c) => c.id === card)!.column).toBe(idOf(doc, 'A'));
		}
	});

	it('any interleaving of renames, moves, adds and deletes converges to the same columns, each once', () => {
		type Op = {
			client: 0 | 1;
			kind: 'rename' | 'move' | 'add' | 'delete';
			pick: number;
			step: -1 | 1;
		};
		const op = fc.record({
			client: fc.constantFrom<0 | 1>(0, 1),
			kind: fc.constantFrom<Op['kind']>('rename', 'move', 'add', 'delete'),
			pick: fc.nat(10),
			step: fc.constantFrom<-1 | 1>(-1, 1)
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(op, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
				(rounds) => {
					const a = board(['A', 'B', 'C']);
					const docs = [a, replica(a)];
					let n = 0;
					for (const round of rounds) {
						for (const o of round) {
							const doc = docs[o.client];
							const cols = listColumns(doc);
							// two concurrent deletes can empty a board: the UI then offers to add a column
							if (!cols.length) {
								addColumn(doc, `N${n++}`);
								continue;
							}
							const target = cols[o.pick % cols.length].id;
							if (o.kind === 'rename') renameColumn(doc, target, `T${n++}`);
							else if (o.kind === 'move') moveColumn(doc, target, o.step);
							else if (o.kind === 'add') addColumn(doc, `N${n++}`);
							else deleteColumn(doc, target);
						}
						sync(docs[0], docs[1]);
						const [x, y] = docs.map(listColumns);
						expect(x).toEqual(y);
						expect(new Set(x.map((c) => c.id)).size).toBe(x.length);
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});
