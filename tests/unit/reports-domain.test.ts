import { describe, expect, it } from 'vitest';
import { describeChange, diffReports, diffText } from '../../src/lib/domain/reports/diff';
import {
	averageRatings,
	isValidRating,
	overallRating,
	parseRating,
	type Ratings
} from '../../src/lib/domain/reports/ratings';
import { emptyReport, readReport, reportExcerpt } from '../../src/lib/domain/reports/shape';
import {
	historyToVersions,
	versionAt,
	VERSION_GAP_MS,
	type HistoryChange
} from '../../src/lib/domain/reports/versions';

const ratings = (values: Partial<Ratings>): Ratings => ({ ...emptyReport().ratings, ...values });

describe('ratings', () => {
	it.each([
		[1, true],
		[5, true],
		[3, true],
		[0, false],
		[6, false],
		[2.5, false],
		['3', false],
		[null, false],
		[Number.NaN, false]
	])('%s is a valid rating: %s', (value, valid) => {
		expect(isValidRating(value)).toBe(valid);
	});

	it('parses a form field: empty is unanswered, 1–5 is kept, anything else refused', () => {
		expect(parseRating('')).toEqual({ ok: true, value: null });
		expect(parseRating(' 4 ')).toEqual({ ok: true, value: 4 });
		expect(parseRating('7')).toEqual({ ok: false });
		expect(parseRating('abc')).toEqual({ ok: false });
	});

	it('averages only the reports that answered, to one decimal', () => {
		const avg = averageRatings([ratings({ fit: 4, support: 2 }), ratings({ fit: 5 }), ratings({})]);
		expect(avg.fit).toEqual({ average: 4.5, count: 2 });
		expect(avg.support).toEqual({ average: 2, count: 1 });
		expect(avg.value).toEqual({ average: null, count: 0 });
		expect(
			averageRatings([ratings({ fit: 1 }), ratings({ fit: 2 }), ratings({ fit: 2 })]).fit.average
		).toBe(1.7);
	});

	it('gives a report an overall rating over what it answered', () => {
		expect(overallRating(ratings({ fit: 4, value: 3 }))).toBe(3.5);
		expect(overallRating(ratings({}))).toBeNull();
	});
});

describe('readReport', () => {
	it('keeps what fits and drops what does not', () => {
		const report = readReport({
			story: 'Bien.',
			lessons: 42,
			ratings: { fit: 5, support: 9, value: '3' },
			wouldRecommend: true,
			extra: 'ignored'
		});
		expect(report.story).toBe('Bien.');
		expect(report.lessons).toBe('');
		expect(report.ratings).toEqual(ratings({ fit: 5 }));
		expect(report.wouldRecommend).toBe(true);
		expect(report).not.toHaveProperty('extra');
	});

	it('reads anything that is not a report as an empty one', () => {
		expect(readReport(null)).toEqual(emptyReport());
		expect(readReport([1, 2])).toEqual(emptyReport());
	});

	it('makes an excerpt that ends on a word', () => {
		const story =
			'Le déploiement a pris trois mois et les agents ont été formés rapidement. '.repeat(10);
		const excerpt = reportExcerpt({ ...emptyReport(), story }, 60);
		expect(excerpt.length).toBeLessThanOrEqual(61);
		expect(excerpt.endsWith('…')).toBe(true);
		expect(story.startsWith(excerpt.slice(0, -1))).toBe(true);
	});
});

describe('diff in plain words', () => {
	it('finds the passage added in the middle of a text', () => {
		const pieces = diffText(
			'Le logiciel fonctionne bien.',
			'Le logiciel de gestion fonctionne bien.'
		);
		expect(pieces.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual([
			'de gestion'
		]);
		expect(pieces.map((p) => p.text).join('')).toBe('Le logiciel de gestion fonctionne bien.');
	});

	it('rebuilds both texts from the pieces', () => {
		const before = 'Un deux trois quatre cinq six.';
		const after = 'Un trois quatre sept cinq six huit.';
		const pieces = diffText(before, after);
		expect(
			pieces
				.filter((p) => p.op !== 'added')
				.map((p) => p.text)
				.join('')
		).toBe(before);
		expect(
			pieces
				.filter((p) => p.op !== 'removed')
				.map((p) => p.text)
				.join('')
		).toBe(after);
	});

	it('lists added and removed passages, changed ratings and recommendation', () => {
		const before = {
			...emptyReport(),
			story: 'Formation trop courte.',
			ratings: ratings({ support: 2 })
		};
		const after = {
			...emptyReport(),
			story: 'Formation suffisante.',
			lessons: 'Prévoir un référent.',
			ratings: ratings({ support: 4, fit: 5 }),
			wouldRecommend: true
		};
		const lines = diffReports(before, after).map(describeChange);
		expect(lines).toEqual([
			'Enseignements : ajouté « Prévoir un référent. »',
			'Récit : retiré « trop courte. »',
			'Récit : ajouté « suffisante. »',
			'Adéquation au besoin : sans note → 5/5',
			'Soutien du fournisseur : 2/5 → 4/5',
			'Recommandation : sans avis → recommande'
		]);
	});

	it('finds nothing between a version and itself', () => {
		const report = { ...emptyReport(), story: 'Rien ne change.' };
		expect(diffReports(report, report)).toEqual([]);
	});
});

describe('history → versions', () => {
	const T = Date.UTC(2027, 2, 15, 9);
	const change = (
		hash: string,
		deps: string[],
		userId: number,
		minutes: number
	): HistoryChange => ({
		hash,
		deps,
		actor: `actor${userId}`,
		time: T + minutes * 60_000,
		userId
	});

	it('groups a run of one author, and starts a version on a new author or a long pause', () => {
		const versions = historyToVersions([
			change('a', [], 1, 0),
			change('b', ['a'], 1, 2),
			change('c', ['b'], 2, 3),
			change('d', ['c'], 2, 3 + VERSION_GAP_MS / 60_000 + 1)
		]);
		expect(versions.map((v) => [v.number, v.userId, v.changeCount, v.heads])).toEqual([
			[1, 1, 2, ['b']],
			[2, 2, 1, ['c']],
			[3, 2, 1, ['d']]
		]);
		expect(versions[0].to - versions[0].from).toBe(2 * 60_000);
	});

	it('gives concurrent offline edits several heads until a change merges them', () => {
		const versions = historyToVersions([
			change('a', [], 1, 0),
			change('b', ['a'], 1, 1),
			change('c', ['a'], 2, 1),
			change('d', ['b', 'c'], 1, 2)
		]);
		expect(versions.map((v) => v.heads)).toEqual([['b'], ['b', 'c'], ['d']]);
		expect(versionAt(versions, ['c', 'b'])?.number).toBe(2);
		expect(versionAt(versions, ['zz'])).toBeUndefined();
	});

	it('has no versions without history', () => {
		expect(historyToVersions([])).toEqual([]);
	});
});
