import { describe, expect, it } from 'vitest';
import { summariseReports } from '../../src/lib/domain/reports/reading';
import { emptyReport, type ReportContent } from '../../src/lib/domain/reports/shape';

const report = (
	ratings: Partial<ReportContent['ratings']>,
	wouldRecommend: boolean | null
): ReportContent => {
	const r = emptyReport();
	return { ...r, ratings: { ...r.ratings, ...ratings }, wouldRecommend };
};

describe('summary of published reports', () => {
	it('averages each question over those who answered, and counts recommendations', () => {
		const summary = summariseReports([
			report({ fit: 5, support: 2 }, true),
			report({ fit: 4, support: null, value: 3 }, false),
			report({ fit: 3 }, null)
		]);
		expect(summary.count).toBe(3);
		expect(summary.averages.fit).toEqual({ average: 4, count: 3 });
		expect(summary.averages.support).toEqual({ average: 2, count: 1 });
		expect(summary.averages.citizens).toEqual({ average: null, count: 0 });
		// overall: each report's own mean (3.5, 3.5, 3) averaged
		expect(summary.overall).toEqual({ average: 3.3, count: 3 });
		expect(summary.recommended).toBe(1);
		expect(summary.answeredRecommend).toBe(2);
	});

	it('says nothing rather than zero when nobody answered', () => {
		const summary = summariseReports([report({}, null)]);
		expect(summary.overall).toEqual({ average: null, count: 0 });
		expect(summary.answeredRecommend).toBe(0);
		expect(summariseReports([]).count).toBe(0);
	});
});
