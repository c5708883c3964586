/**
 * Rencontres: buyers and referents publish them, members register their commune's participants
 * within the capacity, organisers attach minutes and slides once the event has started.
 * A registration reads the places taken and writes its own in one IMMEDIATE transaction: it
 * holds SQLite's write lock from its first read, so two registrations at once (in this process
 * or another) are decided one after the other and never both take the last place.
 */
import { and, eq, isNotNull, sum } from 'drizzle-orm';
import { formatDateTime } from '../../domain/format';
import {
	capacityChangeVerdict,
	hasStarted,
	registrationOpen,
	registrationVerdict,
	scheduleChanged
} from '../../domain/peers/capacity';
import { can } from '../../domain/permissions';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { checkUpload, storeFile } from '../catalogue/files';
import { now } from '../clock';
import { getDb } from '../db/client';
import {
	peerEventContracts,
	peerEventDocuments,
	peerEventRegistrations,
	peerEvents
} from '../db/schema';
import { notify } from '../relay/notify';
import type { EventInput } from './event-form';

export type EventResult<T = number> =
	| { ok: true; value: T; message: string }
	| { ok: false; status: number; message: string; field?: string };

const own = (user: SessionUser) => ({
	organisationId: user.organisationId,
	kind: user.organisationKind
});

export function publishEvent(user: SessionUser, input: EventInput): EventResult {
	if (!can(user, 'event.publish'))
		return {
			ok: false,
			status: 403,
			message: 'Seuls les acheteurs et les référents publient des rencontres.'
		};
	if (input.startsAt.getTime() <= now().getTime())
		return { ok: false, status: 400, message: 'Choisissez une date à venir.', field: 'date' };
	const db = getDb();
	const id = db.transaction((tx) => {
		const row = tx
			.insert(peerEvents)
			.values({
				title: input.title,
				topic: input.topic,
				startsAt: input.startsAt,
				endsAt: input.endsAt,
				place: input.place,
				videoUrl: input.videoUrl,
				capacity: input.capacity,
				solutions: input.solutions,
				organiserId: user.id,
				organiserOrganisationId: user.organisationId
			})
			.returning({ id: peerEvents.id })
			.get();
		const contractIds = [...new Set(input.contractIds)];
		if (contractIds.length)
			tx.insert(peerEventContracts)
				.values(contractIds.map((contractId) => ({ eventId: row.id, contractId })))
				.onConflictDoNothing()
				.run();
		return row.id;
	});
	audit({ actorId: user.id, action: 'event.publish', subjectType: 'peer_event', subjectId: id });
	return { ok: true, value: id, message: 'Rencontre publiée.' };
}

/** who runs an event, for `event.manage` (an organiser whose account is gone leaves it to admins) */
export const manager = (e: { organiserId: number | null; organiserOrganisationId: number }) => ({
	organiserId: e.organiserId ?? 0,
	organiserOrganisationId: e.organiserOrganisationId
});

export function getEvent(id: number) {
	return getDb().select().from(peerEvents).where(eq(peerEvents.id, id)).get() ?? null;
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

function placesTaken(tx: Tx, eventId: number): number {
	return Number(
		tx
			.select({ n: sum(peerEventRegistrations.participants) })
			.from(peerEventRegistrations)
			.where(eq(peerEventRegistrations.eventId, eventId))
			.get()?.n ?? 0
	);
}

/** the people who registered their organisation's participants, told of a change */
function registrants(tx: Tx, eventId: number): number[] {
	return tx
		.select({ id: peerEventRegistrations.registeredBy })
		.from(peerEventRegistrations)
		.where(
			and(
				eq(peerEventRegistrations.eventId, eventId),
				isNotNull(peerEventRegistrations.registeredBy)
			)
		)
		.all()
		.map((r) => r.id as number);
}

const refusedManage = (message: string) => ({ ok: false, status: 403, message }) as const;

/**
 * The organiser changes a rencontre. Places taken, the date to come and the rights are checked
 * and the row written in one IMMEDIATE transaction, so a registration arriving meanwhile is
 * counted; the registered are told once it is saved, when the date, time or place moved.
 */
export function editEvent(
	user: SessionUser,
	eventId: number,
	input: EventInput
): EventResult<{ notified: number }> {
	const at = now();
	const done = getDb().transaction(
		(tx): EventResult<{ tell: number[]; title: string }> => {
			const event = tx.select().from(peerEvents).where(eq(peerEvents.id, eventId)).get();
			if (!event) return { ok: false, status: 404, message: 'Cette rencontre est introuvable.' };
			if (!can(user, 'event.manage', manager(event)))
				return refusedManage('Seul l’organisateur modifie cette rencontre.');
			if (event.cancelledAt)
				return { ok: false, status: 400, message: 'Cette rencontre est annulée.' };
			if (input.startsAt.getTime() <= at.getTime())
				return { ok: false, status: 400, message: 'Choisissez une date à venir.', field: 'date' };
			const verdict = capacityChangeVerdict(input.capacity, placesTaken(tx, eventId));
			if (!verdict.ok)
				return { ok: false, status: 409, message: verdict.message, field: 'capacity' };
			const moved = scheduleChanged(
				{ ...event, startsAt: +event.startsAt, endsAt: +event.endsAt },
				{ ...input, startsAt: +input.startsAt, endsAt: +input.endsAt }
			);
			tx.update(peerEvents)
				.set({
					title: input.title,
					topic: input.topic,
					startsAt: input.startsAt,
					endsAt: input.endsAt,
					place: input.place,
					videoUrl: input.videoUrl,
					capacity: input.capacity,
					solutions: input.solutions,
					sequence: event.sequence + 1,
					updatedAt: at
				})
				.where(eq(peerEvents.id, eventId))
				.run();
			tx.delete(peerEventContracts).where(eq(peerEventContracts.eventId, eventId)).run();
			const contractIds = [...new Set(input.contractIds)];
			if (contractIds.length)
				tx.insert(peerEventContracts)
					.values(contractIds.map((contractId) => ({ eventId, contractId })))
					.onConflictDoNothing()
					.run();
			return {
				ok: true,
				value: { tell: moved ? registrants(tx, eventId) : [], title: input.title },
				message: 'Rencontre modifiée.'
			};
		},
		{ behavior: 'immediate' }
	);
	if (!done.ok) return done;
	audit({ actorId: user.id, action: 'event.edit', subjectType: 'peer_event', subjectId: eventId });
	const { notified } = notify(done.value.tell, {
		kind: 'reminder.event-changed',
		title: `Rencontre modifiée : « ${done.value.title} » aura lieu le ${formatDateTime(input.startsAt)}`,
		body: `La rencontre « ${done.value.title} » à laquelle vous avez inscrit des participants a changé : elle aura lieu le ${formatDateTime(input.startsAt)}, ${input.place || 'en ligne'}.`,
		link: `/rencontres/${eventId}`
	});
	return { ok: true, value: { notified }, message: done.message };
}

/** The organiser cancels a rencontre before it starts: registrations close, the registered are told. */
export function cancelEvent(user: SessionUser, eventId: number, reason: string): EventResult {
	const at = now();
	const done = getDb().transaction(
		(tx): EventResult<{ tell: number[]; title: string }> => {
			const event = tx.select().from(peerEvents).where(eq(peerEvents.id, eventId)).get();
			if (!event) return { ok: false, status: 404, message: 'Cette rencontre est introuvable.' };
			if (!can(user, 'event.manage', manager(event)))
				return refusedManage('Seul l’organisateur annule cette rencontre.');
			if (event.cancelledAt)
				return { ok: false, status: 400, message: 'Cette rencontre est déjà annulée.' };
			if (hasStarted(event.startsAt.getTime(), at.getTime()))
				return {
					ok: false,
					status: 400,
					message: 'Cette rencontre a déjà commencé : elle ne peut plus être annulée.'
				};
			tx.update(peerEvents)
				.set({ cancelledAt: at, cancelReason: reason, sequence: event.sequence + 1, updatedAt: at })
				.where(eq(peerEvents.id, eventId))
				.run();
			return {
				ok: true,
				value: { tell: registrants(tx, eventId), title: event.title },
				message: 'Rencontre annulée.'
			};
		},
		{ behavior: 'immediate' }
	);
	if (!done.ok) return done;
	audit({
		actorId: user.id,
		action: 'event.cancel',
		subjectType: 'peer_event',
		subjectId: eventId,
		details: { reason }
	});
	notify(done.value.tell, {
		kind: 'reminder.event-cancelled',
		title: `Rencontre annulée : « ${done.value.title} »`,
		body: [
			`La rencontre « ${done.value.title} » à laquelle vous avez inscrit des participants est annulée.`,
			reason ? `Motif : ${reason}` : ''
		]
			.filter(Boolean)
			.join('\n'),
		link: `/rencontres/${eventId}`
	});
	return { ok: true, value: eventId, message: done.message };
}

/** Registers (or changes) the participants of the user's own organisation. */
export function registerForEvent(
	user: SessionUser,
	eventId: number,
	participants: number
): EventResult {
	if (!can(user, 'event.register', own(user)))
		return {
			ok: false,
			status: 403,
			message: "Seules les personnes d'une commune y inscrivent ses participants."
		};
	const db = getDb();
	const at = now();
	return db.transaction(
		(tx): EventResult => {
			const event = tx.select().from(peerEvents).where(eq(peerEvents.id, eventId)).get();
			if (!event) return { ok: false, status: 404, message: 'Cette rencontre est introuvable.' };
			if (!registrationOpen(event.startsAt.getTime(), at.getTime(), !!event.cancelledAt))
				return {
					ok: false,
					status: 400,
					message: 'Les inscriptions à cette rencontre sont closes.'
				};
			const taken = Number(
				tx
					.select({ n: sum(peerEventRegistrations.participants) })
					.from(peerEventRegistrations)
					.where(eq(peerEventRegistrations.eventId, eventId))
					.get()?.n ?? 0
			);
			const mine =
				tx
					.select({ n: peerEventRegistrations.participants })
					.from(peerEventRegistrations)
					.where(
						and(
							eq(peerEventRegistrations.eventId, eventId),
							eq(peerEventRegistrations.organisationId, user.organisationId)
						)
					)
					.get()?.n ?? 0;
			const verdict = registrationVerdict({ capacity: event.capacity, taken }, participants, mine);
			if (!verdict.ok)
				return { ok: false, status: 409, message: verdict.message, field: 'participants' };
			tx.insert(peerEventRegistrations)
				.values({
					eventId,
					organisationId: user.organisationId,
					participants,
					registeredBy: user.id,
					updatedAt: at
				})
				.onConflictDoUpdate({
					target: [peerEventRegistrations.eventId, peerEventRegistrations.organisationId],
					set: { participants, registeredBy: user.id, updatedAt: at }
				})
				.run();
			return {
				ok: true,
				value: eventId,
				message: `${participants} participant${participants > 1 ? 's' : ''} inscrit${participants > 1 ? 's' : ''} pour ${user.organisationName}.`
			};
		},
		{ behavior: 'immediate' }
	);
}

export function unregisterFromEvent(user: SessionUser, eventId: number): EventResult {
	if (!can(user, 'event.register', own(user)))
		return { ok: false, status: 403, message: "Vous n'avez pas les droits nécessaires." };
	const event = getEvent(eventId);
	if (!event || !registrationOpen(event.startsAt.getTime(), now().getTime(), !!event.cancelledAt))
		return { ok: false, status: 400, message: 'Les inscriptions à cette rencontre sont closes.' };
	getDb()
		.delete(peerEventRegistrations)
		.where(
			and(
				eq(peerEventRegistrations.eventId, eventId),
				eq(peerEventRegistrations.organisationId, user.organisationId)
			)
		)
		.run();
	return { ok: true, value: eventId, message: 'Inscription annulée.' };
}

/** Minutes or slides, with the contract documents' checks (allow-list, first bytes, size). */
export async function attachEventDocument(
	user: SessionUser,
	eventId: number,
	input: { title: string; file: File }
): Promise<EventResult> {
	const event = getEvent(eventId);
	if (!event) return { ok: false, status: 404, message: 'Cette rencontre est introuvable.' };
	if (!can(user, 'event.manage', manager(event)))
		return { ok: false, status: 403, message: "Seul l'organisateur ajoute des documents." };
	if (!hasStarted(event.startsAt.getTime(), now().getTime()))
		return {
			ok: false,
			status: 400,
			message: 'Le compte rendu et les présentations s’ajoutent une fois la rencontre commencée.'
		};
	const bytes = new Uint8Array(await input.file.arrayBuffer());
	const check = checkUpload(input.file.name, bytes);
	if (!check.ok) return { ok: false, status: 400, message: check.message, field: 'file' };
	const sha = storeFile(bytes);
	const row = getDb()
		.insert(peerEventDocuments)
		.values({
			eventId,
			title: input.title,
			sha256: sha,
			size: bytes.length,
			mime: check.mime,
			originalFilename: input.file.name.slice(0, 200),
			uploadedBy: user.id
		})
		.returning({ id: peerEventDocuments.id })
		.get();
	audit({
		actorId: user.id,
		action: 'event.document.upload',
		subjectType: 'peer_event',
		subjectId: eventId,
		details: { documentId: row.id, sha256: sha, size: bytes.length }
	});
	return { ok: true, value: row.id, message: 'Document ajouté.' };
}
