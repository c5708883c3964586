/**
 * What a participant reads: their conversations, and one conversation's messages. People are
 * named with their organisation; no address is selected, so none can reach a page.
 */
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { acceptsContact, CONTACT_ROLE_LABELS, CONTACT_ROLES } from '../../domain/peers/consent';
import {
	NEW_CONVERSATIONS_PER_DAY,
	NEW_CONVERSATIONS_PER_HOUR
} from '../../domain/peers/contact-limit';
import { can, type Actor } from '../../domain/permissions';
import { getDb } from '../db/client';
import {
	organisations,
	peerAbuseReports,
	peerConversations,
	peerMessages,
	peerParticipants,
	users
} from '../db/schema';
import { contactTarget, participantIds } from './conversations';

/** The contact form's page; null when there is no such declared use. */
export function contactPage(viewer: Actor, usageId: number) {
	const target = contactTarget(usageId);
	if (!target) return null;
	const consent = { agent: target.contactAgents, referent: target.contactReferents };
	return {
		usageId,
		solutionName: target.contractTitle ?? target.solutionName,
		communeName: target.communeName,
		readers: CONTACT_ROLES.filter((r) => consent[r]).map((r) => CONTACT_ROLE_LABELS[r]),
		accepts: acceptsContact(consent),
		mayWrite: can(viewer, 'peer.contact', { organisationId: target.organisationId }),
		limits: { perHour: NEW_CONVERSATIONS_PER_HOUR, perDay: NEW_CONVERSATIONS_PER_DAY }
	};
}

/** The conversations the user takes part in, latest activity first. */
export function inboxPage(userId: number) {
	const db = getDb();
	const commune = alias(organisations, 'commune');
	const rows = db
		.select({
			id: peerConversations.id,
			subject: peerConversations.subject,
			communeName: commune.name,
			starterName: users.name,
			lastAt: max(peerMessages.createdAt)
		})
		.from(peerParticipants)
		.innerJoin(peerConversations, eq(peerConversations.id, peerParticipants.conversationId))
		.innerJoin(commune, eq(commune.id, peerConversations.organisationId))
		.innerJoin(users, eq(users.id, peerConversations.starterId))
		.innerJoin(peerMessages, eq(peerMessages.conversationId, peerConversations.id))
		.where(eq(peerParticipants.userId, userId))
		.groupBy(peerConversations.id)
		.orderBy(desc(max(peerMessages.createdAt)))
		.all();
	return { conversations: rows.map((r) => ({ ...r, lastAt: r.lastAt ? +r.lastAt : 0 })) };
}

/** One conversation for a participant; null for anyone else (who learns nothing of it). */
export function conversationPage(viewer: Actor, conversationId: number) {
	const db = getDb();
	const participants = participantIds(conversationId);
	if (!can(viewer, 'peer.reply', { participant: participants.includes(viewer.id) })) return null;
	const commune = alias(organisations, 'commune');
	const conversation = db
		.select({
			id: peerConversations.id,
			subject: peerConversations.subject,
			communeName: commune.name
		})
		.from(peerConversations)
		.innerJoin(commune, eq(commune.id, peerConversations.organisationId))
		.where(eq(peerConversations.id, conversationId))
		.get();
	if (!conversation) return null;
	const messages = db
		.select({
			id: peerMessages.id,
			authorId: peerMessages.authorId,
			authorName: users.name,
			organisationName: organisations.name,
			body: peerMessages.body,
			createdAt: peerMessages.createdAt
		})
		.from(peerMessages)
		.innerJoin(users, eq(users.id, peerMessages.authorId))
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(eq(peerMessages.conversationId, conversationId))
		.orderBy(asc(peerMessages.createdAt), asc(peerMessages.id))
		.all();
	const reported = new Set(
		messages.length
			? db
					.select({ id: peerAbuseReports.messageId })
					.from(peerAbuseReports)
					.where(
						and(
							inArray(
								peerAbuseReports.messageId,
								messages.map((m) => m.id)
							),
							eq(peerAbuseReports.reporterId, viewer.id)
						)
					)
					.all()
					.map((r) => r.id)
			: []
	);
	const people = db
		.select({ name: users.name, organisationName: organisations.name })
		.from(users)
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(inArray(users.id, participants))
		.orderBy(asc(users.name))
		.all();
	return {
		conversation,
		participants: people,
		messages: messages.map(({ authorId, createdAt, ...m }) => ({
			...m,
			createdAt: +createdAt,
			mine: authorId === viewer.id,
			reported: reported.has(m.id),
			mayReport: can(viewer, 'peer.reportAbuse', { participant: true, authorId })
		}))
	};
}
