import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	addComment,
	addRequirement,
	defineBoardRoots,
	descriptionText,
	getCard,
	getCardMap,
	initBoard,
	listCards,
	listColumns,
	moveCard,
	removeRequirement,
	setCommunes,
	updateCard,
	updateRequirement
} from '../../src/lib/collab/board';

function board() {
	const doc = new Y.Doc();
	initBoard(doc, ['A', 'B']);
	const [a, b] = listColumns(doc);
	return { doc, a: a.id, b: b.id };
}

function sync(x: Y.Doc, y: Y.Doc) {
	Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
	Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)));
}

describe('board document accessors', () => {
	it('adds a card with every field and reads it back as plain data', () => {
		const { doc, a } = board();
		const id = addCard(doc, {
			title: 'Guichet en ligne',
			column: a,
			module: 'software',
			targetYear: 2027,
			budgetCents: 1_500_000,
			communes: [3, 4, 3],
			requirements: [{ text: 'Paiement en ligne', moscow: 'must' }],
			description: ['Premier paragraphe', 'Second']
		});
		const card = getCard(doc, id)!;
		expect(card).toMatchObject({
			title: 'Guichet en ligne',
			column: a,
			module: 'software',
			targetYear: 2027,
			budgetCents: 1_500_000,
			communes: [3, 4, 3]
		});
		expect(card.requirements).toEqual([
			{ id: expect.any(String), text: 'Paiement en ligne', moscow: 'must' }
		]);
		expect(descriptionText(getCardMap(doc, id)!)).toBe('Premier paragraphe\nSecond');
	});

	it('edits fields, requirements, communes and comments', () => {
		const { doc, a } = board();
		const id = addCard(doc, { title: 'x', column: a });
		updateCard(doc, id, { title: 'Cartographie', module: 'audit', budgetCents: 100 });
		const r = addRequirement(doc, id, 'Export SIG', 'could');
		addRequirement(doc, id, 'Hors ligne', 'wont');
		updateRequirement(doc, id, r, { moscow: 'should' });
		setCommunes(doc, id, [7, 7, 8]);
		addComment(doc, id, { author: 'Karim', text: 'Vu avec le DF', at: 1 });
		let card = getCard(doc, id)!;
		expect(card.title).toBe('Cartographie');
		expect(card.requirements.map((x) => [x.text, x.moscow])).toEqual([
			['Export SIG', 'should'],
			['Hors ligne', 'wont']
		]);
		expect(card.communes).toEqual([7, 8]);
		expect(card.comments[0]).toMatchObject({ author: 'Karim', text: 'Vu avec le DF' });
		removeRequirement(doc, id, r);
		card = getCard(doc, id)!;
		expect(card.requirements.map((x) => x.text)).toEqual(['Hors ligne']);
	});

	it('orders cards by column then position, and moves them between and within columns', () => {
		const { doc, a, b } = board();
		const one = addCard(doc, { title: '1', column: a });
		const two = addCard(doc, { title: '2', column: a });
		const three = addCard(doc, { title: '3', column: b });
		expect(listCards(doc).map((c) => c.title)).toEqual(['1', '2', '3']);
		moveCard(doc, three, a, one);
		expect(listCards(doc).map((c) => c.title)).toEqual(['3', '1', '2']);
		moveCard(doc, one, b);
		expect(listCards(doc).map((c) => [c.title, c.column === b])).toEqual([
			['3', false],
			['2', false],
			['1', true]
		]);
		moveCard(doc, two, a, one); // beforeId in another column: goes to the end
		moveCard(doc, three, a, two);
		expect(
			listCards(doc)
				.filter((c) => c.column === a)
				.map((c) => c.title)
		).toEqual(['3', '2']);
	});
});

describe('board document merges', () => {
	it('two replicas edited concurrently converge and keep both edits', () => {
		const { doc: x, a } = board();
		const y = new Y.Doc();
		sync(x, y);
		const id = addCard(x, { title: 'Partagé', column: a, description: ['Base'] });
		sync(x, y);
		// concurrent edits on both sides, offline
		addRequirement(x, id, 'Authentification itsme', 'must');
		updateCard(y, id, { targetYear: 2028 });
		addRequirement(y, id, 'Accessible WCAG', 'should');
		const paragraph = (getCardMap(x, id)!.get('description') as Y.XmlFragment).get(
			0
		) as Y.XmlElement;
		(paragraph.get(0) as Y.XmlText).insert(0, 'X ');
		addCard(y, { title: 'Nouveau', column: a });
		sync(x, y);
		expect(listCards(x)).toEqual(listCards(y));
		const card = getCard(x, id)!;
		expect(card.targetYear).toBe(2028);
		expect(card.requirements.map((r) => r.text).sort()).toEqual([
			'Accessible WCAG',
			'Authentification itsme'
		]);
		expect(descriptionText(getCardMap(y, id)!)).toBe('X Base');
		expect(listCards(x)).toHaveLength(2);
	});

	it('converges whatever the order of concurrent operations (property)', () => {
		type Op = { side: 0 | 1; kind: 'add' | 'title' | 'req' | 'move'; n: number };
		const op = fc.record({
			side: fc.constantFrom<0 | 1>(0, 1),
			kind: fc.constantFrom<Op['kind']>('add', 'title', 'req', 'move'),
			n: fc.nat(20)
		});
		fc.assert(
			fc.property(fc.array(op, { maxLength: 30 }), fc.boolean(), (ops, syncMidway) => {
				const { doc: x, a, b } = board();
				const y = new Y.Doc();
				sync(x, y);
				const docs = [x, y];
				ops.forEach((o, i) => {
					const doc = docs[o.side];
					const cards = listCards(doc);
					const target = cards[o.n % Math.max(1, cards.length)];
					if (o.kind === 'add' || !target)
						addCard(doc, { title: `c${i}`, column: o.n % 2 ? a : b });
					else if (o.kind === 'title') updateCard(doc, target.id, { title: `t${i}` });
					else if (o.kind === 'req') addRequirement(doc, target.id, `r${i}`, 'must');
					else moveCard(doc, target.id, o.n % 2 ? b : a);
					if (syncMidway && i % 7 === 3) sync(x, y);
				});
				sync(x, y);
				expect(listCards(x)).toEqual(listCards(y));
			}),
			{ numRuns: 100 }
		);
	});
});

describe('a board filled from stored content', () => {
	it('has typed roots from the start when they are defined first, and reads the same', () => {
		const { doc, a } = board();
		addCard(doc, { title: 'GED', column: a });
		const stored = Y.encodeStateAsUpdate(doc);

		const defined = new Y.Doc();
		defineBoardRoots(defined);
		const [cards, columns] = [defined.share.get('cards'), defined.share.get('columns')];
		Y.applyUpdate(defined, stored);
		expect(cards).toBeInstanceOf(Y.Map);
		expect(columns).toBeInstanceOf(Y.Array);
		// the same objects: reading the board later replaces nothing under a running hub
		listCards(defined);
		expect(defined.share.get('cards')).toBe(cards);
		expect(defined.share.get('columns')).toBe(columns);
		expect(listCards(defined)).toEqual(listCards(doc));
		expect(listColumns(defined)).toEqual(listColumns(doc));
	});
});
