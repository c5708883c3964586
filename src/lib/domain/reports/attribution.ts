/**
 * Who wrote which passage of a report's text fields.
 *
 * Method: the versions are replayed in order (each version is one author's run of changes, see
 * versions.ts). For each text field, every character of the current text carries the author who
 * inserted it. Going from one version's text to the next, the word diff of diff.ts splits the
 * new text into passages kept from before (they keep their authors, character by character) and
 * passages added (they go to the new version's author); removed passages drop out. The result is
 * the current text cut into runs of one author each.
 *
 * Why not Automerge's per-operation history: it is exact per character but costs a walk of every
 * operation, and it attributes a passage retyped identically to its re-typer. Diffing versions
 * costs one word diff per version and field (common start and end are skipped first, so a small
 * edit in a long story is cheap), and matches what the diff page shows. Its limits, by design:
 * attribution is per word run (a word corrected by someone else is theirs), and two authors'
 * concurrent offline edits merged into one version are credited to that version's author.
 */
import { diffText } from './diff';
import { TEXT_FIELDS, type ReportContent, type TextField } from './shape';

/** null: made by the server (creation, seeding), shown as « Centrale » */
export type Author = number | null;

export interface AttributedRun {
	text: string;
	userId: Author;
}

export interface VersionText {
	userId: Author;
	content: Pick<ReportContent, TextField>;
}

/** per-character authors of one field's current text */
type Owners = Author[];

/**
 * Carries `owners` (of `before`) over to `after`, crediting added passages to `author`. A removed
 * passage replaced by an added one keeps the characters they share at both ends (the word diff
 * sees « mois. » become « mois. Le… » as a replaced word; the characters « mois. » stay put).
 */
export function carryOwners(before: string, owners: Owners, after: string, author: Author): Owners {
	const next: Owners = [];
	let at = 0; // position in `before`
	const pieces = diffText(before, after);
	for (let p = 0; p < pieces.length; p++) {
		const piece = pieces[p];
		if (piece.op === 'same') {
			for (let i = 0; i < piece.text.length; i++) next.push(owners[at + i] ?? author);
			at += piece.text.length;
		} else if (piece.op === 'added') {
			for (let i = 0; i < piece.text.length; i++) next.push(author);
		} else {
			const removed = piece.text;
			const added = pieces[p + 1]?.op === 'added' ? pieces[++p].text : '';
			const limit = Math.min(removed.length, added.length);
			let head = 0;
			while (head < limit && removed[head] === added[head]) head++;
			let tail = 0;
			while (
				tail < limit - head &&
				removed[removed.length - 1 - tail] === added[added.length - 1 - tail]
			)
				tail++;
			for (let i = 0; i < added.length; i++) {
				if (i < head) next.push(owners[at + i] ?? author);
				else if (i >= added.length - tail)
					next.push(owners[at + removed.length - (added.length - i)] ?? author);
				else next.push(author);
			}
			at += removed.length;
		}
	}
	return next;
}

/** Cuts `text` into runs of one author, using one owner per character. */
export function runs(text: string, owners: Owners): AttributedRun[] {
	const out: AttributedRun[] = [];
	for (let i = 0; i < text.length; i++) {
		const userId = owners[i] ?? null;
		const last = out[out.length - 1];
		if (last && last.userId === userId) last.text += text[i];
		else out.push({ text: text[i], userId });
	}
	return out;
}

/**
 * Attribution of every text field of the last version, from the versions in order (oldest first).
 * A field with no text has no runs.
 */
export function attribute(versions: VersionText[]): Record<TextField, AttributedRun[]> {
	const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>;
	const owners = Object.fromEntries(TEXT_FIELDS.map((f) => [f, [] as Owners])) as Record<
		TextField,
		Owners
	>;
	for (const version of versions) {
		for (const field of TEXT_FIELDS) {
			const after = version.content[field];
			if (after === text[field]) continue;
			owners[field] = carryOwners(text[field], owners[field], after, version.userId);
			text[field] = after;
		}
	}
	return Object.fromEntries(TEXT_FIELDS.map((f) => [f, runs(text[f], owners[f])])) as Record<
		TextField,
		AttributedRun[]
	>;
}

/** Share of each author in a field's text, by characters (whitespace excluded), largest first. */
export function shares(fieldRuns: AttributedRun[]): { userId: Author; chars: number }[] {
	const byAuthor = new Map<Author, number>();
	for (const run of fieldRuns) {
		const chars = run.text.replace(/\s/g, '').length;
		if (chars) byAuthor.set(run.userId, (byAuthor.get(run.userId) ?? 0) + chars);
	}
	return [...byAuthor]
		.map(([userId, chars]) => ({ userId, chars }))
		.sort((a, b) => b.chars - a.chars);
}
