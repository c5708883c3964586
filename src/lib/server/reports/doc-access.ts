/**
 * What a user may do with a report's Automerge document, for the sync hub: the rights of the
 * report row, decided by `can()`. Browsers name the document by its automerge-repo DocumentId
 * (`reports.automerge_id`, random, given to the editor page); the store and the rights use
 * `report:<id>`.
 */
import { eq } from 'drizzle-orm';
import { can, type Actor, type ReportRef } from '../../domain/permissions';
import type { DocAccess } from '../boards/doc-access';
import { getDb } from '../db/client';
import { contracts, reportAuthors, reports } from '../db/schema';

export const reportDocName = (reportId: number) => `report:${reportId}`;

/** The report as `can()` sees it, or null when there is no such report. */
export function reportRef(reportId: number): ReportRef | null {
	const db = getDb();
	const row = db
		.select({
			organisationId: reports.organisationId,
			status: reports.status,
			isPublic: reports.isPublic,
			contractCentraleId: contracts.centraleId
		})
		.from(reports)
		.leftJoin(contracts, eq(reports.contractId, contracts.id))
		.where(eq(reports.id, reportId))
		.get();
	if (!row) return null;
	const coAuthors = db
		.select({ userId: reportAuthors.userId })
		.from(reportAuthors)
		.where(eq(reportAuthors.reportId, reportId))
		.all();
	return {
		organisationId: row.organisationId,
		status: row.status,
		isPublic: row.isPublic,
		contractCentraleId: row.contractCentraleId ?? null,
		coAuthorIds: coAuthors.map((a) => a.userId)
	};
}

/** The report synced under an automerge-repo DocumentId, or null. */
export function reportIdOfAutomergeId(automergeId: string): number | null {
	const row = getDb()
		.select({ id: reports.id })
		.from(reports)
		.where(eq(reports.automergeId, automergeId))
		.get();
	return row?.id ?? null;
}

export function reportAccess(user: Actor, reportId: number): DocAccess {
	const ref = reportRef(reportId);
	if (!ref) return 'missing';
	if (can(user, 'report.edit', ref)) return 'write';
	// the document is the authors' draft, ahead of what they published: a reader reads the frozen
	// publication (report_publications), never the document, or unpublished words would leak
	return 'none';
}

/** 'missing' when the name is not a report's, or the report does not exist. */
export function reportDocAccess(user: Actor, docName: string): DocAccess {
	const match = /^report:([1-9][0-9]{0,15})$/.exec(docName);
	return match ? reportAccess(user, Number(match[1])) : 'missing';
}
