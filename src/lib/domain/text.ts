/**
 * Search text in the form people type it: no accents, no case, apostrophes and dashes as spaces.
 * "Fontaine-l'Evêque" and "fontaine l eveque" both become "fontaine l eveque".
 */
export function normalizeForSearch(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’'`´\-_/.,;:()]/g, ' ')
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/\s+/g, ' ')
		.trim();
}

/** true when every word of the query appears in the normalized text */
export function matchesQuery(normalizedText: string, query: string): boolean {
	const words = normalizeForSearch(query).split(' ').filter(Boolean);
	return words.every((word) => normalizedText.includes(word));
}

/** A URL-safe slug from a French name: "Fontaine-l'Evêque" → "fontaine-l-eveque". */
export function slugify(value: string): string {
	return normalizeForSearch(value)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
