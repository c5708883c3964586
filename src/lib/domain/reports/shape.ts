/**
 * The content of an experience report (the Automerge document `report:<id>`), as plain data. The
 * document is co-written by browsers that may be older or newer than this code, so the server and
 * the pages never trust its shape: `readReport` turns whatever the document holds into a
 * well-formed `ReportContent`, dropping what does not fit (a rating of 7, a number where text goes).
 */
import { RATING_KEYS, isValidRating, type RatingKey, type Ratings } from './ratings';

/** Text fields, in the order a report reads; `story` is the free narrative. */
export const TEXT_FIELDS = [
	'populationBand',
	'services',
	'deployed',
	'deployedWhen',
	'costBand',
	'lessons',
	'pitfalls',
	'story'
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const TEXT_FIELD_LABELS: Record<TextField, string> = {
	populationBand: 'Taille de la commune',
	services: 'Services concernés',
	deployed: 'Ce qui a été déployé',
	deployedWhen: 'Quand',
	costBand: 'Ordre de coût',
	lessons: 'Enseignements',
	pitfalls: 'Pièges à éviter',
	story: 'Récit'
};

export type ReportContent = Record<TextField, string> & {
	ratings: Ratings;
	/** null until an author answers */
	wouldRecommend: boolean | null;
};

/** What a new report's document starts with. */
export function emptyReport(): ReportContent {
	const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>;
	const ratings = Object.fromEntries(RATING_KEYS.map((k) => [k, null])) as Ratings;
	return { ...text, ratings, wouldRecommend: null };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The report's content as this code understands it, whatever the document holds. */
export function readReport(raw: unknown): ReportContent {
	const report = emptyReport();
	if (!isRecord(raw)) return report;
	for (const field of TEXT_FIELDS) {
		const value = raw[field];
		// Automerge text reads as a string; anything else is ignored rather than shown as "[object]"
		if (typeof value === 'string') report[field] = value;
	}
	const ratings = isRecord(raw.ratings) ? raw.ratings : {};
	for (const key of RATING_KEYS) {
		const value = ratings[key];
		report.ratings[key as RatingKey] = isValidRating(value) ? value : null;
	}
	if (typeof raw.wouldRecommend === 'boolean') report.wouldRecommend = raw.wouldRecommend;
	return report;
}

/** Plain text of the report for an excerpt or a search index: story first, then the lessons. */
export function reportExcerpt(report: ReportContent, maxChars = 280): string {
	const text = [report.story, report.lessons, report.deployed]
		.map((t) => t.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join(' — ');
	if (text.length <= maxChars) return text;
	const cut = text.slice(0, maxChars);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
