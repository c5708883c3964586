/**
 * The reports projection: ratings, recommendation, excerpt and size of each report's current
 * text in its SQL row, so listings, averages and search never load a document. The hub writes
 * it from its live documents (debounced); `npm run reports:reproject` rebuilds it from the store.
 */
import * as A from '@automerge/automerge';
import { eq } from 'drizzle-orm';
import { overallRating } from '../../domain/reports/ratings';
import { readReport, reportExcerpt } from '../../domain/reports/shape';
import { loadAutomergeDoc } from '../collab/automerge-documents';
import { getDb } from '../db/client';
import { reports } from '../db/schema';
import { reportDocName } from './doc-access';

/** Writes the projection of `raw` (the document as plain data) into the report's row. */
export function projectReport(reportId: number, raw: unknown, documentBytes: number) {
	const content = readReport(raw);
	getDb()
		.update(reports)
		.set({
			ratings: content.ratings,
			overallRating: overallRating(content.ratings),
			wouldRecommend: content.wouldRecommend,
			excerpt: reportExcerpt(content),
			documentBytes
		})
		.where(eq(reports.id, reportId))
		.run();
}

/** Rebuilds every report's projection from the stored documents; returns how many. */
export function reprojectAllReports(): number {
	const rows = getDb().select({ id: reports.id }).from(reports).all();
	let count = 0;
	for (const { id } of rows) {
		const loaded = loadAutomergeDoc(reportDocName(id));
		if (!loaded) continue;
		projectReport(id, A.toJS(loaded.doc), loaded.bytes);
		A.free(loaded.doc);
		count++;
	}
	return count;
}
