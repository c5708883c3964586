/**
 * Ratings of a report: five questions, each answered 1 (poor) to 5 (excellent) or not at all.
 * Averages count only the reports that answered a question, so an unanswered question never
 * drags an average down.
 */
export const RATING_KEYS = ['fit', 'deployment', 'support', 'value', 'citizens'] as const;
export type RatingKey = (typeof RATING_KEYS)[number];
export type Ratings = Record<RatingKey, number | null>;

export const RATING_LABELS: Record<RatingKey, string> = {
	fit: 'Adéquation au besoin',
	deployment: 'Facilité de déploiement',
	support: 'Soutien du fournisseur',
	value: 'Rapport qualité-prix',
	citizens: 'Bénéfice pour les citoyens'
};

export const MIN_RATING = 1;
export const MAX_RATING = 5;

/** A whole number from 1 to 5. */
export function isValidRating(value: unknown): value is number {
	return (
		Number.isInteger(value) && (value as number) >= MIN_RATING && (value as number) <= MAX_RATING
	);
}

/** A form's rating field: '' means "not answered"; anything else must be 1–5. */
export function parseRating(input: string): { ok: true; value: number | null } | { ok: false } {
	const trimmed = input.trim();
	if (trimmed === '') return { ok: true, value: null };
	const value = Number(trimmed);
	return isValidRating(value) ? { ok: true, value } : { ok: false };
}

export interface RatingAverage {
	/** one decimal; null when no report answered */
	average: number | null;
	/** how many reports answered */
	count: number;
}

/** Average of each question over the reports that answered it. */
export function averageRatings(all: Ratings[]): Record<RatingKey, RatingAverage> {
	const result = {} as Record<RatingKey, RatingAverage>;
	for (const key of RATING_KEYS) {
		const values = all.map((r) => r[key]).filter(isValidRating);
		const sum = values.reduce((a, b) => a + b, 0);
		result[key] = {
			average: values.length ? Math.round((sum / values.length) * 10) / 10 : null,
			count: values.length
		};
	}
	return result;
}

/** Average of one report's answered ratings (for a listing); null when none is answered. */
export function overallRating(ratings: Ratings): number | null {
	const values = RATING_KEYS.map((k) => ratings[k]).filter(isValidRating);
	if (!values.length) return null;
	return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
