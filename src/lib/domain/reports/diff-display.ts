/**
 * The word diff as the diff page shows it. diff.ts compares words with the spaces that follow
 * them, so text appended after a field's last word reads as that word replaced (« remarquable. »
 * → « remarquable. Nous… »). Here a removed passage followed by an added one gives back what
 * both share at the start and at the end, cut at a space so no word is split, as unchanged text.
 */
import type { TextPiece } from './diff';

/** length of the common start of a and b, backed off to just after a space (or all of the shorter) */
function sharedStart(a: string, b: string): number {
	let n = 0;
	while (n < a.length && n < b.length && a[n] === b[n]) n++;
	if (n === a.length || n === b.length) return n;
	while (n > 0 && !/\s/.test(a[n - 1])) n--;
	return n;
}

function sharedEnd(a: string, b: string, limit: number): number {
	let n = 0;
	while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
	if (n === a.length || n === b.length) return n;
	while (n > 0 && !/\s/.test(a[a.length - n])) n--;
	return n;
}

export function tightenPieces(pieces: TextPiece[]): TextPiece[] {
	const out: TextPiece[] = [];
	const push = (op: TextPiece['op'], text: string) => {
		if (!text) return;
		const last = out[out.length - 1];
		if (last && last.op === op) last.text += text;
		else out.push({ op, text });
	};
	for (let i = 0; i < pieces.length; i++) {
		const piece = pieces[i];
		const next = pieces[i + 1];
		if (piece.op !== 'removed' || next?.op !== 'added') {
			push(piece.op, piece.text);
			continue;
		}
		const removed = piece.text;
		const added = next.text;
		const head = sharedStart(removed, added);
		const tail = sharedEnd(removed, added, Math.min(removed.length, added.length) - head);
		push('same', removed.slice(0, head));
		push('removed', removed.slice(head, removed.length - tail));
		push('added', added.slice(head, added.length - tail));
		push('same', removed.slice(removed.length - tail));
		i++;
	}
	return out;
}
