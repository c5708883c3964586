/**
 * Contact a peer: a member writes to « les utilisateurs de X à Y »; the portal relays the message
 * to the people of that commune who consented (in-app notification and a mail through the
 * outbox) and every reply to the other participants the same way. Addresses stay on the server:
 * nothing returned here carries one, and mails name people and organisations only.
 * Limits: src/lib/domain/peers/contact-limit.ts (documented in the README).
 */
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { contactRecipients } from '../../domain/peers/consent';
import {
	CONTACT_WINDOW_MS,
	newConversationVerdict,
	replyVerdict
} from '../../domain/peers/contact-limit';
import { can, type Actor } from '../../domain/permissions';
import { publicUrl } from '../config';
import { now } from '../clock';
import { getDb } from '../db/client';
import {
	contracts,
	organisations,
	peerConversations,
	peerMessages,
	peerParticipants,
	solutionUsages,
	users
} from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { notifyUsers } from '../relay/notifications';

export const MAX_MESSAGE_LENGTH = 5000;

export type SendResult =
	{ ok: true; conversationId: number } | { ok: false; status: number; message: string };

/** A declared use as the contact form shows it: which solution, which commune, who reads. */
export function contactTarget(usageId: number) {
	return (
		getDb()
			.select({
				usageId: solutionUsages.id,
				organisationId: solutionUsages.organisationId,
				communeName: organisations.name,
				solutionName: solutionUsages.solutionName,
				contractTitle: contracts.title,
				contactAgents: solutionUsages.contactAgents,
				contactReferents: solutionUsages.contactReferents
			})
			.from(solutionUsages)
			.innerJoin(organisations, eq(organisations.id, solutionUsages.organisationId))
			.leftJoin(contracts, eq(contracts.id, solutionUsages.contractId))
			.where(eq(solutionUsages.id, usageId))
			.get() ?? null
	);
}

function peopleOf(organisationId: number) {
	return getDb()
		.select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.organisationId, organisationId))
		.all()
		.map((p) => ({ id: p.id, role: p.role, disabled: p.disabledAt != null }));
}

/** Starts a conversation with the consenting users of a solution in one commune. */
export function startConversation(
	sender: Actor & { name: string },
	usageId: number,
	body: string
): SendResult {
	const target = contactTarget(usageId);
	if (!target) return { ok: false, status: 404, message: 'Cette utilisation est introuvable.' };
	if (!can(sender, 'peer.contact', { organisationId: target.organisationId }))
		return {
			ok: false,
			status: 403,
			message: 'Vous ne pouvez pas écrire par le portail aux personnes de votre propre commune.'
		};
	const at = now();
	const db = getDb();
	const started = db
		.select({ at: peerConversations.createdAt })
		.from(peerConversations)
		.where(
			and(
				eq(peerConversations.starterId, sender.id),
				gt(peerConversations.createdAt, new Date(at.getTime() - CONTACT_WINDOW_MS))
			)
		)
		.all()
		.map((r) => r.at.getTime());
	const verdict = newConversationVerdict(started, at.getTime());
	if (!verdict.allowed) return { ok: false, status: 429, message: verdict.message };
	const consent = { agent: target.contactAgents, referent: target.contactReferents };
	const recipients = contactRecipients(consent, peopleOf(target.organisationId), sender.id);
	if (!recipients.length)
		return {
			ok: false,
			status: 400,
			message: `Personne à ${target.communeName} ne reçoit pour l'instant de messages à ce sujet.`
		};
	const subject = target.contractTitle ?? target.solutionName;
	const conversationId = db.transaction((tx) => {
		const conversation = tx
			.insert(peerConversations)
			.values({
				usageId,
				subject,
				starterId: sender.id,
				organisationId: target.organisationId,
				createdAt: at
			})
			.returning({ id: peerConversations.id })
			.get();
		tx.insert(peerParticipants)
			.values(
				[sender.id, ...recipients].map((userId) => ({ conversationId: conversation.id, userId }))
			)
			.run();
		tx.insert(peerMessages)
			.values({ conversationId: conversation.id, authorId: sender.id, body, createdAt: at })
			.run();
		return conversation.id;
	});
	relay(conversationId, sender, recipients, subject, body, true);
	return { ok: true, conversationId };
}

/** A reply from a participant reaches every other participant. */
export function replyTo(
	author: Actor & { name: string },
	conversationId: number,
	body: string
): SendResult {
	const db = getDb();
	const conversation = db
		.select({ subject: peerConversations.subject })
		.from(peerConversations)
		.where(eq(peerConversations.id, conversationId))
		.get();
	const participants = participantIds(conversationId);
	if (
		!conversation ||
		!can(author, 'peer.reply', { participant: participants.includes(author.id) })
	)
		return { ok: false, status: 404, message: 'Cette conversation est introuvable.' };
	const at = now();
	const sent = db
		.select({ at: peerMessages.createdAt })
		.from(peerMessages)
		.where(
			and(
				eq(peerMessages.authorId, author.id),
				gt(peerMessages.createdAt, new Date(at.getTime() - CONTACT_WINDOW_MS))
			)
		)
		.all()
		.map((r) => r.at.getTime());
	const verdict = replyVerdict(sent, at.getTime());
	if (!verdict.allowed) return { ok: false, status: 429, message: verdict.message };
	db.insert(peerMessages)
		.values({ conversationId, authorId: author.id, body, createdAt: at })
		.run();
	const others = activeOnly(participants.filter((id) => id !== author.id));
	relay(conversationId, author, others, conversation.subject, body, false);
	return { ok: true, conversationId };
}

export function participantIds(conversationId: number): number[] {
	return getDb()
		.select({ id: peerParticipants.userId })
		.from(peerParticipants)
		.where(eq(peerParticipants.conversationId, conversationId))
		.all()
		.map((r) => r.id);
}

function activeOnly(ids: number[]): number[] {
	if (!ids.length) return [];
	return getDb()
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.id, ids), isNull(users.disabledAt)))
		.all()
		.map((r) => r.id);
}

/** The notification and the mail: names and organisations, a link, never an address. */
function relay(
	conversationId: number,
	author: Actor & { name: string },
	to: number[],
	subject: string,
	body: string,
	first: boolean
) {
	if (!to.length) return;
	const db = getDb();
	const from = db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, author.organisationId))
		.get();
	const who = `${author.name} (${from?.name ?? ''})`;
	const path = `/messages/${conversationId}`;
	const title = first
		? `${who} vous écrit au sujet de « ${subject} »`
		: `${who} a répondu au sujet de « ${subject} »`;
	notifyUsers(to, 'peer-message', title, path, now());
	const people = db
		.select({ email: users.email })
		.from(users)
		.where(and(inArray(users.id, to), isNull(users.disabledAt)))
		.all();
	for (const person of people)
		enqueueMail({
			to: person.email,
			kind: 'peer-message',
			subject: title,
			text:
				`${title}, par le portail Centrale :\n\n${body}\n\n` +
				`Pour répondre, ouvrez la conversation dans le portail (votre adresse n'est pas communiquée) :\n` +
				`${publicUrl(path)}\n\n` +
				`Vous recevez ce message parce que votre commune accepte d'être contactée à ce sujet. ` +
				`Un message déplacé ? Signalez-le depuis la conversation.`
		});
}
