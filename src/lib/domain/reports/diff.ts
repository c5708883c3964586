/**
 * What changed between two versions of a report, in plain words: passages added and removed in
 * each text field, ratings changed, the recommendation changed. Text is compared word by word
 * (longest common subsequence on the part between the common start and end), then runs of
 * added or removed words are reported as passages.
 */
import { RATING_KEYS, RATING_LABELS, type RatingKey } from './ratings';
import { TEXT_FIELDS, TEXT_FIELD_LABELS, type ReportContent, type TextField } from './shape';

export type ReportChange =
	| { kind: 'added' | 'removed'; field: TextField; text: string }
	| { kind: 'rating'; key: RatingKey; from: number | null; to: number | null }
	| { kind: 'recommend'; from: boolean | null; to: boolean | null };

export type TextPiece = { op: 'same' | 'added' | 'removed'; text: string };

/** beyond this many words on each side of the changed middle, the middle is one replaced block */
const MAX_LCS_WORDS = 3000;

/** words with the spaces that follow them, so pieces join back into the original text */
function tokens(text: string): string[] {
	return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Word diff of two texts as pieces in reading order; adjacent pieces of one op are merged. */
export function diffText(before: string, after: string): TextPiece[] {
	const a = tokens(before);
	const b = tokens(after);
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	const pieces: TextPiece[] = a.slice(0, start).map((text) => ({ op: 'same', text }));
	pieces.push(...middle(a.slice(start, endA), b.slice(start, endB)));
	pieces.push(...a.slice(endA).map((text) => ({ op: 'same' as const, text })));
	return merge(pieces);
}

/** on a tie the removal comes first: a replaced passage reads "retiré …" then "ajouté …" */
function middle(a: string[], b: string[]): TextPiece[] {
	if (a.length > MAX_LCS_WORDS || b.length > MAX_LCS_WORDS)
		return [
			...a.map((text) => ({ op: 'removed' as const, text })),
			...b.map((text) => ({ op: 'added' as const, text }))
		];
	// lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
	const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
	const out: TextPiece[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			out.push({ op: 'same', text: a[i++] });
			j++;
		} else if (j < b.length && (i === a.length || lcs[i][j + 1] > lcs[i + 1][j])) {
			out.push({ op: 'added', text: b[j++] });
		} else {
			out.push({ op: 'removed', text: a[i++] });
		}
	}
	return out;
}

function merge(pieces: TextPiece[]): TextPiece[] {
	const out: TextPiece[] = [];
	for (const piece of pieces) {
		const last = out[out.length - 1];
		if (last && last.op === piece.op) last.text += piece.text;
		else out.push({ ...piece });
	}
	return out;
}

/** The changes from `before` to `after`, field by field in reading order. */
export function diffReports(before: ReportContent, after: ReportContent): ReportChange[] {
	const changes: ReportChange[] = [];
	for (const field of TEXT_FIELDS) {
		for (const piece of diffText(before[field], after[field])) {
			const text = piece.text.trim();
			if (piece.op !== 'same' && text) changes.push({ kind: piece.op, field, text });
		}
	}
	for (const key of RATING_KEYS) {
		const from = before.ratings[key];
		const to = after.ratings[key];
		if (from !== to) changes.push({ kind: 'rating', key, from, to });
	}
	if (before.wouldRecommend !== after.wouldRecommend)
		changes.push({ kind: 'recommend', from: before.wouldRecommend, to: after.wouldRecommend });
	return changes;
}

const ratingWords = (value: number | null) => (value === null ? 'sans note' : `${value}/5`);
const recommendWords = (value: boolean | null) =>
	value === null ? 'sans avis' : value ? 'recommande' : 'ne recommande pas';

/** One French sentence per change, as the diff page lists them. */
export function describeChange(change: ReportChange): string {
	switch (change.kind) {
		case 'added':
			return `${TEXT_FIELD_LABELS[change.field]} : ajouté « ${change.text} »`;
		case 'removed':
			return `${TEXT_FIELD_LABELS[change.field]} : retiré « ${change.text} »`;
		case 'rating':
			return `${RATING_LABELS[change.key]} : ${ratingWords(change.from)} → ${ratingWords(change.to)}`;
		case 'recommend':
			return `Recommandation : ${recommendWords(change.from)} → ${recommendWords(change.to)}`;
	}
}
