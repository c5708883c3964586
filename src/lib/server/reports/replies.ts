/**
 * A centrale's reply to a published report (the supplier's corrective action, the relaunch lot
 * that fixes it): one per centrale and report, updated by its buyers, shown under the report to
 * everyone who reads it, and notified to the report's authors.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { now } from '../clock';
import { getDb } from '../db/client';
import {
	contracts,
	organisations,
	reportActors,
	reportAuthors,
	reportReplies,
	reports,
	users
} from '../db/schema';
import { notify } from '../relay/notify';
import { reportRef } from './doc-access';
import type { ReplyInput } from './reply-form';
import type { ReportResult } from './reports';

/** The contracts a centrale's reply may point to: those it leads. */
export function replyContractChoices(centraleId: number) {
	return getDb()
		.select({ id: contracts.id, title: contracts.title, reference: contracts.reference })
		.from(contracts)
		.where(eq(contracts.centraleId, centraleId))
		.orderBy(asc(contracts.title))
		.all();
}

/** The replies under a report, oldest first; `member` shows the buyer's name too. */
export function reportReplyList(reportId: number, member: boolean) {
	const rows = getDb()
		.select({
			id: reportReplies.id,
			centraleId: reportReplies.centraleId,
			centraleName: organisations.name,
			authorName: users.name,
			body: reportReplies.body,
			contractId: reportReplies.contractId,
			contractTitle: contracts.title,
			contractReference: contracts.reference,
			createdAt: reportReplies.createdAt,
			updatedAt: reportReplies.updatedAt
		})
		.from(reportReplies)
		.innerJoin(organisations, eq(organisations.id, reportReplies.centraleId))
		.leftJoin(users, eq(users.id, reportReplies.authorId))
		.leftJoin(contracts, eq(contracts.id, reportReplies.contractId))
		.where(eq(reportReplies.reportId, reportId))
		.orderBy(asc(reportReplies.createdAt), asc(reportReplies.id))
		.all();
	return rows.map((r) => ({
		...r,
		authorName: member ? r.authorName : null,
		updated: r.updatedAt.getTime() !== r.createdAt.getTime()
	}));
}

/** Who hears of a reply: the people who wrote the report (its creator, bound actors, co-authors). */
function reportAuthorIds(reportId: number): number[] {
	const db = getDb();
	const creator = db
		.select({ id: reports.createdBy })
		.from(reports)
		.where(eq(reports.id, reportId))
		.all();
	const writers = db
		.select({ id: reportActors.userId })
		.from(reportActors)
		.where(and(eq(reportActors.reportId, reportId), isNotNull(reportActors.userId)))
		.all();
	const invited = db
		.select({ id: reportAuthors.userId })
		.from(reportAuthors)
		.where(eq(reportAuthors.reportId, reportId))
		.all();
	return [...creator, ...writers, ...invited]
		.map((r) => r.id)
		.filter((id): id is number => id !== null);
}

/**
 * Records (or updates) the buyer's centrale's reply to a published report and notifies its
 * authors. A contract the centrale does not lead is refused: nothing is stored.
 */
export function replyToReport(buyer: Actor, reportId: number, input: ReplyInput): ReportResult {
	const ref = reportRef(reportId);
	if (!ref) return { ok: false, status: 404, errors: { form: 'Ce retour est introuvable.' } };
	if (!can(buyer, 'report.reply', ref))
		return {
			ok: false,
			status: 403,
			errors: { form: 'Seuls les acheteurs de la centrale répondent à un retour publié.' }
		};
	if (
		input.contractId &&
		!replyContractChoices(buyer.organisationId).some((c) => c.id === input.contractId)
	)
		return {
			ok: false,
			status: 400,
			errors: { contractId: 'Choisissez un marché de votre centrale.' }
		};
	const db = getDb();
	const at = now();
	const existing = db
		.select({ id: reportReplies.id })
		.from(reportReplies)
		.where(
			and(eq(reportReplies.reportId, reportId), eq(reportReplies.centraleId, buyer.organisationId))
		)
		.get();
	const id = existing
		? db
				.update(reportReplies)
				.set({ body: input.body, contractId: input.contractId, authorId: buyer.id, updatedAt: at })
				.where(eq(reportReplies.id, existing.id))
				.returning({ id: reportReplies.id })
				.get().id
		: db
				.insert(reportReplies)
				.values({
					reportId,
					centraleId: buyer.organisationId,
					authorId: buyer.id,
					body: input.body,
					contractId: input.contractId,
					createdAt: at,
					updatedAt: at
				})
				.returning({ id: reportReplies.id })
				.get().id;
	const centrale = db
		.select({ name: organisations.name, title: reports.title })
		.from(organisations)
		.innerJoin(reports, eq(reports.id, reportId))
		.where(eq(organisations.id, buyer.organisationId))
		.get();
	const recipients = reportAuthorIds(reportId).filter((u) => u !== buyer.id);
	// notify() skips disabled accounts, and mails those whose preference asks for it
	if (recipients.length) {
		notify(
			recipients,
			{
				kind: 'announcement.report-reply',
				title: `${centrale?.name ?? 'La centrale'} ${existing ? 'a mis à jour sa réponse' : 'a répondu'} à votre retour « ${centrale?.title ?? ''} »`,
				link: `/retours/${reportId}#reponses`,
				body: input.body.length > 600 ? `${input.body.slice(0, 600)}…` : input.body
			},
			at
		);
	}
	audit({ actorId: buyer.id, action: 'report.reply', subjectType: 'report', subjectId: reportId });
	return { ok: true, value: id };
}
