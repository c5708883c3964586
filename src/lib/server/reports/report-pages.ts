/**
 * The pages of « Retours d'expérience »: the list (published reports, and the viewer's commune's
 * drafts), the form that starts one, and a report's page. Readers are served the published
 * snapshot (`report_publications.content`), never the authors' current draft.
 */
import * as A from '@automerge/automerge';
import { and, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { MODULE_LABELS } from '../../domain/catalogue/labels';
import { can, type Actor, type ReportRef } from '../../domain/permissions';
import { overallRating } from '../../domain/reports/ratings';
import { readReport, reportExcerpt, type ReportContent } from '../../domain/reports/shape';
import { communeLabel } from '../../domain/reports/visibility';
import { loadAutomergeDoc } from '../collab/automerge-documents';
import { getDb } from '../db/client';
import {
	adhesions,
	contracts,
	lots,
	organisations,
	reportAuthors,
	reportPublications,
	reports
} from '../db/schema';
import { reportDocName, reportRef } from './doc-access';
import { replyContractChoices, reportReplyList } from './replies';
import type { Author } from './reports';

/** The newest publication of each of these reports, by report id. */
export function latestPublications(reportIds: number[]) {
	const latest = new Map<number, { content: ReportContent; publishedAt: Date; count: number }>();
	if (!reportIds.length) return latest;
	const rows = getDb()
		.select({
			reportId: reportPublications.reportId,
			content: reportPublications.content,
			publishedAt: reportPublications.publishedAt
		})
		.from(reportPublications)
		.where(inArray(reportPublications.reportId, reportIds))
		.orderBy(asc(reportPublications.publishedAt), asc(reportPublications.id))
		.all();
	for (const row of rows) {
		const count = (latest.get(row.reportId)?.count ?? 0) + 1;
		latest.set(row.reportId, {
			content: readReport(row.content),
			publishedAt: row.publishedAt,
			count
		});
	}
	return latest;
}

const listColumns = {
	id: reports.id,
	title: reports.title,
	status: reports.status,
	organisationId: reports.organisationId,
	communeName: organisations.name,
	contractId: reports.contractId,
	supplierName: reports.supplierName,
	excerpt: reports.excerpt,
	overallRating: reports.overallRating,
	firstPublishedAt: reports.firstPublishedAt,
	publishedAt: reports.publishedAt
};

/** The list: published reports (optionally about one contract) and the viewer's own drafts. */
export function reportsListPage(viewer: Author, filters: { contractId: number | null }) {
	const db = getDb();
	const coAuthored = db
		.select({ id: reportAuthors.reportId })
		.from(reportAuthors)
		.where(eq(reportAuthors.userId, viewer.id));
	const visible = or(
		eq(reports.status, 'published'),
		eq(reports.organisationId, viewer.organisationId),
		inArray(reports.id, coAuthored)
	);
	const where: SQL[] = [visible as SQL];
	if (filters.contractId) where.push(eq(reports.contractId, filters.contractId));
	const rows = db
		.select(listColumns)
		.from(reports)
		.innerJoin(organisations, eq(organisations.id, reports.organisationId))
		.where(and(...where))
		.orderBy(desc(reports.publishedAt), desc(reports.id))
		.all();
	const published = latestPublications(
		rows.filter((r) => r.status === 'published').map((r) => r.id)
	);
	const items = rows.map((r) => {
		const snapshot = published.get(r.id);
		// readers see the published text; a draft is shown to its authors as they write it
		return {
			...r,
			excerpt: snapshot ? reportExcerpt(snapshot.content, 240) : r.excerpt,
			overallRating: snapshot ? overallRating(snapshot.content.ratings) : r.overallRating,
			own: r.organisationId === viewer.organisationId
		};
	});
	const contractChoices = db
		.selectDistinct({ id: contracts.id, title: contracts.title, reference: contracts.reference })
		.from(contracts)
		.innerJoin(reports, eq(reports.contractId, contracts.id))
		.where(eq(reports.status, 'published'))
		.orderBy(asc(contracts.title))
		.all();
	const canCreate = can(viewer, 'report.create', {
		organisationId: viewer.organisationId,
		kind: viewer.organisationKind
	});
	return {
		drafts: items.filter((r) => r.status === 'draft'),
		published: items.filter((r) => r.status === 'published'),
		contractChoices,
		filters,
		canCreate
	};
}

/** The form's choices: the contracts the commune adhered to, with their lots and modules. */
export function newReportPage(author: Author) {
	if (
		!can(author, 'report.create', {
			organisationId: author.organisationId,
			kind: author.organisationKind
		})
	)
		return null;
	const db = getDb();
	const adhered = db
		.selectDistinct({
			id: contracts.id,
			title: contracts.title,
			reference: contracts.reference,
			modules: contracts.modules
		})
		.from(contracts)
		.innerJoin(adhesions, eq(adhesions.contractId, contracts.id))
		.where(and(eq(adhesions.organisationId, author.organisationId), isNull(adhesions.withdrawnAt)))
		.orderBy(asc(contracts.title))
		.all();
	const lotRows = adhered.length
		? db
				.select({
					id: lots.id,
					contractId: lots.contractId,
					number: lots.number,
					title: lots.title
				})
				.from(lots)
				.where(
					inArray(
						lots.contractId,
						adhered.map((c) => c.id)
					)
				)
				.orderBy(asc(lots.number))
				.all()
		: [];
	return {
		contracts: adhered.map((c) => ({
			id: c.id,
			label: `${c.title} (${c.reference})`,
			lots: lotRows.filter((l) => l.contractId === c.id),
			modules: c.modules.map((m) => ({ code: m, label: MODULE_LABELS[m] }))
		}))
	};
}

/**
 * A report's page: its readers get the published snapshot; its authors the current draft too.
 * A visitor (null) reads a public report, its commune anonymised unless it chose to be named.
 * null when there is no such report or the viewer may not read it.
 */
export function reportPage(viewer: Actor | null, reportId: number) {
	const ref = reportRef(reportId);
	if (!ref || !can(viewer, 'report.read', ref)) return null;
	const db = getDb();
	const row = db
		.select({
			id: reports.id,
			title: reports.title,
			status: reports.status,
			automergeId: reports.automergeId,
			communeName: organisations.name,
			communeSlug: organisations.slug,
			arrondissement: organisations.arrondissement,
			province: organisations.province,
			isPublic: reports.isPublic,
			publicNamed: reports.publicNamed,
			contractId: reports.contractId,
			contractTitle: contracts.title,
			contractReference: contracts.reference,
			lotNumber: lots.number,
			lotTitle: lots.title,
			modules: reports.modules,
			solutionName: reports.solutionName,
			supplierName: reports.supplierName,
			firstPublishedAt: reports.firstPublishedAt,
			publishedAt: reports.publishedAt
		})
		.from(reports)
		.innerJoin(organisations, eq(organisations.id, reports.organisationId))
		.leftJoin(contracts, eq(contracts.id, reports.contractId))
		.leftJoin(lots, eq(lots.id, reports.lotId))
		.where(eq(reports.id, reportId))
		.get();
	if (!row) return null;
	const published = latestPublications([reportId]).get(reportId) ?? null;
	const canEdit = can(viewer, 'report.edit', ref);
	let draft: ReportContent | null = null;
	if (canEdit) {
		const loaded = loadAutomergeDoc(reportDocName(reportId));
		if (loaded) {
			draft = readReport(A.toJS(loaded.doc));
			A.free(loaded.doc);
		}
	}
	const { automergeId, arrondissement, province, ...report } = row;
	const member = viewer !== null;
	const communeName = communeLabel(
		{ name: row.communeName, arrondissement, province },
		{ member, publicNamed: row.publicNamed }
	);
	return {
		report: {
			...report,
			communeName,
			// an anonymised commune is not linked to its page
			communeSlug: communeName === row.communeName ? row.communeSlug : null,
			modules: row.modules.map((m) => MODULE_LABELS[m]),
			// republished after its first publication: readers see « mis à jour le … »
			updated:
				!!row.firstPublishedAt &&
				!!row.publishedAt &&
				row.publishedAt.getTime() !== row.firstPublishedAt.getTime()
		},
		published: published && { content: published.content, publishedAt: published.publishedAt },
		publicationCount: published?.count ?? 0,
		draft,
		// the editor syncs the document under this id; only authors are given it
		automergeId: canEdit ? automergeId : null,
		canEdit,
		canPublish: can(viewer, 'report.publish', ref),
		member,
		...reportPageHistory(viewer, ref, reportId)
	};
}

/** The reader page's history and replies: earlier publications, replies, the reply form. */
function reportPageHistory(viewer: Actor | null, ref: ReportRef, reportId: number) {
	const previous = getDb()
		.select({ publishedAt: reportPublications.publishedAt })
		.from(reportPublications)
		.where(eq(reportPublications.reportId, reportId))
		.orderBy(asc(reportPublications.publishedAt), asc(reportPublications.id))
		.all()
		.map((p, i) => ({ number: i + 1, publishedAt: p.publishedAt }))
		// the newest is the one the page shows
		.slice(0, -1)
		.reverse();
	const canReply = can(viewer, 'report.reply', ref);
	return {
		// the versions pages are for members: visitors read the public version only
		previousPublications: viewer ? previous : [],
		replies: reportReplyList(reportId, viewer !== null),
		canReply,
		replyContracts: canReply && viewer ? replyContractChoices(viewer.organisationId) : [],
		ownReply:
			canReply && viewer
				? (reportReplyList(reportId, true).find((r) => r.centraleId === viewer.organisationId) ??
					null)
				: null
	};
}
