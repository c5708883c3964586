/**
 * How pages name a version of a report: `3` is the third version of the authors' draft history,
 * `p2` the second publication (what readers were shown). Readers only ever get `p…` keys.
 */
export type VersionKey = { kind: 'draft' | 'published'; number: number };

export function parseVersionKey(value: string | null | undefined): VersionKey | null {
	const match = /^(p?)([1-9][0-9]{0,6})$/.exec(value ?? '');
	if (!match) return null;
	return { kind: match[1] ? 'published' : 'draft', number: Number(match[2]) };
}

export function versionKey(key: VersionKey): string {
	return `${key.kind === 'published' ? 'p' : ''}${key.number}`;
}
