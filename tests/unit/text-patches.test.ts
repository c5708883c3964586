import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { moveCaret, type TextPatch } from '../../src/lib/collab/text-patches';

type Doc = { story: string; lessons: string };

/** The patches a colleague's edit produces on this side, as the editor receives them. */
function remoteEdit(text: string, edit: (d: Doc) => void) {
	const base = A.from<Doc>({ story: text, lessons: '' });
	const theirs = A.change(A.clone(base), edit);
	let patches: TextPatch[] = [];
	const mine = A.applyChanges(A.clone(base), A.getChanges(base, theirs), {
		patchCallback: (p) => (patches = p as TextPatch[])
	})[0];
	return { patches, after: mine.story };
}

describe('moveCaret', () => {
	const text = 'Le déploiement a duré trois mois.';
	const caret = text.indexOf('trois');

	it.each([
		[
			'an insertion before the caret pushes it on',
			(d: Doc) => A.splice(d, ['story'], 0, 0, 'Bref. ')
		],
		[
			'an insertion after the caret leaves it',
			(d: Doc) => A.splice(d, ['story'], text.length - 1, 0, ' pleins')
		],
		['a deletion before the caret pulls it back', (d: Doc) => A.splice(d, ['story'], 0, 3)],
		[
			'a rewrite elsewhere in the field',
			(d: Doc) => A.updateText(d, ['story'], 'Au total, le déploiement a duré trois mois et demi.')
		],
		['an edit of another field', (d: Doc) => A.splice(d, ['lessons'], 0, 0, 'Former tôt.')]
	])('keeps the caret before the same word: %s', (_name, edit) => {
		const { patches, after } = remoteEdit(text, edit);
		const moved = moveCaret(caret, 'story', patches, after.length);
		expect(after.slice(moved, moved + 5)).toBe('trois');
	});

	it('a deletion around the caret leaves it where the text was cut', () => {
		const { patches, after } = remoteEdit(text, (d) => A.splice(d, ['story'], 14, 13));
		expect(after).toBe('Le déploiement mois.');
		expect(moveCaret(caret, 'story', patches, after.length)).toBe(14);
	});

	it('a whole field replaced keeps the caret within the new text', () => {
		const patches: TextPatch[] = [{ action: 'put', path: ['story'] }];
		expect(moveCaret(caret, 'story', patches, 4)).toBe(4);
	});
});
