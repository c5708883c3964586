/**
 * « Signaler un abus »: a participant flags a message; the platform's admins are notified and
 * read it in the administration, where they mark it handled. A person reports a message once.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { can, type Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { now } from '../clock';
import { getDb } from '../db/client';
import { organisations, peerAbuseReports, peerMessages, users } from '../db/schema';
import { notifyUsers } from '../relay/notifications';
import { participantIds } from './conversations';

export type AbuseResult =
	{ ok: true; message: string } | { ok: false; status: number; message: string };

export function reportAbuse(reporter: Actor, messageId: number, reason: string): AbuseResult {
	const db = getDb();
	const message = db
		.select({ authorId: peerMessages.authorId, conversationId: peerMessages.conversationId })
		.from(peerMessages)
		.where(eq(peerMessages.id, messageId))
		.get();
	const participant = !!message && participantIds(message.conversationId).includes(reporter.id);
	if (!message || !participant)
		return { ok: false, status: 404, message: 'Ce message est introuvable.' };
	if (!can(reporter, 'peer.reportAbuse', { participant, authorId: message.authorId }))
		return { ok: false, status: 403, message: 'Vous ne pouvez pas signaler votre propre message.' };
	const row = db
		.insert(peerAbuseReports)
		.values({ messageId, reporterId: reporter.id, reason })
		.onConflictDoNothing()
		.returning({ id: peerAbuseReports.id })
		.get();
	if (row) {
		audit({
			actorId: reporter.id,
			action: 'peer.reportAbuse',
			subjectType: 'peer_message',
			subjectId: messageId
		});
		// whoever may review reports (the platform's admins), decided by can() and not by a role
		const reviewers = db
			.select({ id: users.id, role: users.role, organisationId: users.organisationId })
			.from(users)
			.where(isNull(users.disabledAt))
			.all()
			.filter((u) => can(u, 'abuse.review'));
		notifyUsers(
			reviewers.map((u) => u.id),
			'peer-abuse',
			'Un message entre pairs a été signalé',
			'/admin/signalements',
			now()
		);
	}
	return {
		ok: true,
		message: 'Merci : le message est signalé aux administrateurs de la plateforme.'
	};
}

/** Reports still open first; null when the viewer may not review them. */
export function abuseReportsPage(viewer: Actor) {
	if (!can(viewer, 'abuse.review')) return null;
	const author = alias(users, 'author');
	const reporter = alias(users, 'reporter');
	const authorOrg = alias(organisations, 'author_org');
	const rows = getDb()
		.select({
			id: peerAbuseReports.id,
			reason: peerAbuseReports.reason,
			createdAt: peerAbuseReports.createdAt,
			resolvedAt: peerAbuseReports.resolvedAt,
			body: peerMessages.body,
			authorName: author.name,
			authorOrganisation: authorOrg.name,
			reporterName: reporter.name
		})
		.from(peerAbuseReports)
		.innerJoin(peerMessages, eq(peerMessages.id, peerAbuseReports.messageId))
		.innerJoin(author, eq(author.id, peerMessages.authorId))
		.innerJoin(authorOrg, eq(authorOrg.id, author.organisationId))
		.innerJoin(reporter, eq(reporter.id, peerAbuseReports.reporterId))
		.orderBy(desc(peerAbuseReports.createdAt))
		.limit(200)
		.all();
	return {
		reports: rows.map((r) => ({
			...r,
			createdAt: +r.createdAt,
			resolvedAt: r.resolvedAt ? +r.resolvedAt : null
		}))
	};
}

export function resolveReport(viewer: Actor, reportId: number): AbuseResult {
	if (!can(viewer, 'abuse.review'))
		return { ok: false, status: 403, message: "Vous n'avez pas les droits nécessaires." };
	const done = getDb()
		.update(peerAbuseReports)
		.set({ resolvedAt: now() })
		.where(and(eq(peerAbuseReports.id, reportId), isNull(peerAbuseReports.resolvedAt)))
		.returning({ id: peerAbuseReports.id })
		.get();
	if (!done)
		return { ok: false, status: 404, message: 'Ce signalement est introuvable ou déjà traité.' };
	audit({
		actorId: viewer.id,
		action: 'peer.resolveAbuse',
		subjectType: 'peer_abuse_report',
		subjectId: reportId
	});
	return { ok: true, message: 'Signalement marqué comme traité.' };
}
