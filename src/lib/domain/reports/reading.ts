/**
 * What a set of published reports says together (count, averages, « recommandé par X sur Y »).
 * Who reads which is can()'s `report.read`; how the commune is named, visibility.ts. Pure: the
 * server gives it published snapshots, never drafts.
 */
import { averageRatings, overallRating, type RatingAverage, type RatingKey } from './ratings';
import type { ReportContent } from './shape';

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
