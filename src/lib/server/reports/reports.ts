/**
 * The verbs of experience reports: a commune starts one (its row and its Automerge document),
 * and publishes it (the document's heads and content frozen in SQL, what readers are served).
 * Every verb decides its right with `can()` on the report's row as SQL has it now.
 */
import * as A from '@automerge/automerge';
import { and, eq, isNull } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions';
import type { OrganisationKind } from '../../domain/roles';
import { readReport, reportExcerpt } from '../../domain/reports/shape';
import { audit } from '../audit';
import { now } from '../clock';
import { loadAutomergeDoc } from '../collab/automerge-documents';
import { getDb } from '../db/client';
import { adhesions, contracts, lots, reportPublications, reports } from '../db/schema';
import type { FieldErrors } from '../forms';
import { reportDocName, reportRef } from './doc-access';
import { createReportDocument, newAutomergeId } from './documents';
import type { PublishInput } from './publish-form';
import type { NewReportInput } from './report-form';

export type Author = Actor & { organisationKind: OrganisationKind };

export type ReportResult<T = number> =
	{ ok: true; value: T } | { ok: false; status: number; errors: FieldErrors };

/** A refusal with its French message, on the form or on one field. */
export const refused = (message: string, status = 403, field = 'form'): ReportResult<never> => ({
	ok: false,
	status,
	errors: { [field]: message }
});

/** Whether the commune adhered to the contract (an adhesion not withdrawn). */
function adhered(organisationId: number, contractId: number): boolean {
	return !!getDb()
		.select({ id: adhesions.id })
		.from(adhesions)
		.where(
			and(
				eq(adhesions.organisationId, organisationId),
				eq(adhesions.contractId, contractId),
				isNull(adhesions.withdrawnAt)
			)
		)
		.get();
}

/** Starts a report for the author's own commune; its id. */
export function createReport(author: Author, input: NewReportInput): ReportResult {
	const organisation = { organisationId: author.organisationId, kind: author.organisationKind };
	if (!can(author, 'report.create', organisation))
		return refused("Seules les personnes d'une commune écrivent ses retours d'expérience.");
	const db = getDb();
	let title = input.solutionName;
	if (input.contractId) {
		const contract = db
			.select({ title: contracts.title, modules: contracts.modules })
			.from(contracts)
			.where(eq(contracts.id, input.contractId))
			.get();
		if (!contract) return refused('Ce marché est introuvable.', 400, 'contractId');
		// a contract the commune did not adhere to was bought some other way: it says so
		if (!adhered(author.organisationId, input.contractId))
			return refused(
				"Votre commune n'a pas adhéré à ce marché : présentez-le comme une solution acquise ailleurs, avec son fournisseur.",
				400,
				'contractId'
			);
		if (input.lotId) {
			const lot = db
				.select({ id: lots.id })
				.from(lots)
				.where(and(eq(lots.id, input.lotId), eq(lots.contractId, input.contractId)))
				.get();
			if (!lot) return refused("Ce lot n'appartient pas au marché choisi.", 400, 'lotId');
		}
		if (input.modules.some((m) => !contract.modules.includes(m)))
			return refused("Ce marché ne propose pas l'option choisie.", 400, 'modules');
		title = contract.title;
	}
	const id = db.transaction((tx) => {
		const row = tx
			.insert(reports)
			.values({
				organisationId: author.organisationId,
				contractId: input.contractId,
				lotId: input.contractId ? input.lotId : null,
				modules: input.contractId ? input.modules : [],
				solutionName: input.contractId ? null : input.solutionName,
				supplierName: input.contractId ? null : input.supplierName,
				automergeId: newAutomergeId(),
				title,
				createdBy: author.id
			})
			.returning({ id: reports.id })
			.get();
		createReportDocument(row.id);
		return row.id;
	});
	audit({ actorId: author.id, action: 'report.create', subjectType: 'report', subjectId: id });
	return { ok: true, value: id };
}

/**
 * Publishes the report as its document stands in the store (every accepted change is stored
 * before anyone sees it): its heads and its content are frozen in a new publication row. The
 * commune chooses its readers each time: members of the portal, or the public (named or not).
 */
export function publishReport(
	author: Actor,
	reportId: number,
	visibility: PublishInput = { isPublic: false, publicNamed: false }
): ReportResult<Date> {
	const ref = reportRef(reportId);
	if (!ref) return refused('Ce retour est introuvable.', 404);
	if (!can(author, 'report.publish', ref))
		return refused("Seules les personnes de la commune publient son retour d'expérience.");
	const loaded = loadAutomergeDoc(reportDocName(reportId));
	if (!loaded) return refused('Ce retour est introuvable.', 404);
	const heads = A.getHeads(loaded.doc);
	const content = readReport(A.toJS(loaded.doc));
	A.free(loaded.doc);
	if (!reportExcerpt(content))
		return refused(
			'Écrivez au moins le récit, les enseignements ou ce qui a été déployé avant de publier.',
			400
		);
	const at = now();
	getDb().transaction((tx) => {
		tx.insert(reportPublications)
			.values({ reportId, heads, content, publishedBy: author.id, publishedAt: at })
			.run();
		const row = tx
			.select({ firstPublishedAt: reports.firstPublishedAt })
			.from(reports)
			.where(eq(reports.id, reportId))
			.get();
		tx.update(reports)
			.set({
				status: 'published',
				publishedAt: at,
				firstPublishedAt: row?.firstPublishedAt ?? at,
				isPublic: visibility.isPublic,
				publicNamed: visibility.publicNamed,
				updatedAt: at
			})
			.where(eq(reports.id, reportId))
			.run();
	});
	audit({
		actorId: author.id,
		action: 'report.publish',
		subjectType: 'report',
		subjectId: reportId
	});
	return { ok: true, value: at };
}
