/**
 * How published reports read outside their own page: who sees which (members every published
 * report, visitors only those the commune made public), whether the commune is named, and what a
 * set of reports says together (count, averages, « recommandé par X sur Y »). Pure: the server
 * gives it published snapshots, never drafts.
 */
import { averageRatings, overallRating, type RatingAverage, type RatingKey } from './ratings';
import type { ReportContent } from './shape';

/** A published report's visibility as its commune chose it. */
export interface ReportVisibility {
	/** readable by visitors, not only by signed-in members */
	isPublic: boolean;
	/** and, to visitors, under the commune's name */
	publicNamed: boolean;
}

/** What an anonymised report shows in place of the commune's name. */
export const ANONYMOUS_COMMUNE = 'Une commune (anonyme)';

/** Signed-in members read every published report; visitors the public ones only. */
export function seesPublishedReport(signedIn: boolean, report: ReportVisibility): boolean {
	return signedIn || report.isPublic;
}

/** Members always see which commune wrote it; visitors only when the commune chose to be named. */
export function namesCommune(signedIn: boolean, report: ReportVisibility): boolean {
	return signedIn || (report.isPublic && report.publicNamed);
}

export interface ReportsSummary {
	count: number;
	averages: Record<RatingKey, RatingAverage>;
	/** average of the reports' own overall ratings; null when none rated anything */
	overall: RatingAverage;
	/** how many would recommend, out of how many answered the question */
	recommended: number;
	answeredRecommend: number;
}

/** What these published reports say together. */
export function summariseReports(contents: ReportContent[]): ReportsSummary {
	const overalls = contents
		.map((c) => overallRating(c.ratings))
		.filter((v): v is number => v !== null);
	const answered = contents.filter((c) => c.wouldRecommend !== null);
	return {
		count: contents.length,
		averages: averageRatings(contents.map((c) => c.ratings)),
		overall: {
			average: overalls.length
				? Math.round((overalls.reduce((a, b) => a + b, 0) / overalls.length) * 10) / 10
				: null,
			count: overalls.length
		},
		recommended: answered.filter((c) => c.wouldRecommend === true).length,
		answeredRecommend: answered.length
	};
}
