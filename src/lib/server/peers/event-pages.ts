/**
 * What people read about rencontres: the agenda, one event (registered organisations, never
 * people or addresses), its calendar files, and its documents.
 */
import { asc, desc, eq, gte, lt, ne, sum } from 'drizzle-orm';
import { brusselsDay, brusselsOffsetMinutes } from '../../domain/brussels-time';
import { buildCalendar, type CalendarEvent } from '../../domain/ics';
import { hasStarted, registrationOpen, remainingPlaces } from '../../domain/peers/capacity';
import { can } from '../../domain/permissions';
import type { SessionUser } from '../auth/session';
import { readStoredFile } from '../catalogue/files';
import { now } from '../clock';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { shortNameOf } from '../db/expressions';
import {
	contracts,
	organisations,
	peerEventContracts,
	peerEventDocuments,
	peerEventRegistrations,
	peerEvents
} from '../db/schema';
import { getEvent, manager } from './events';

type EventRow = typeof peerEvents.$inferSelect;

function takenPlaces(eventId: number): number {
	return Number(
		getDb()
			.select({ n: sum(peerEventRegistrations.participants) })
			.from(peerEventRegistrations)
			.where(eq(peerEventRegistrations.eventId, eventId))
			.get()?.n ?? 0
	);
}

/** an event as lists and the API show it: no organiser account, no video link */
export function publicEvent(e: EventRow) {
	const organiser = getDb()
		.select({ name: shortNameOf(organisations) })
		.from(organisations)
		.where(eq(organisations.id, e.organiserOrganisationId))
		.get();
	return {
		id: e.id,
		title: e.title,
		topic: e.topic,
		startsAt: +e.startsAt,
		endsAt: +e.endsAt,
		place: e.place,
		online: e.videoUrl !== '',
		capacity: e.capacity,
		remaining: remainingPlaces({ capacity: e.capacity, taken: takenPlaces(e.id) }),
		organiser: organiser?.name ?? '',
		solutions: e.solutions,
		cancelled: e.cancelledAt != null
	};
}

export function agendaPage(viewer: SessionUser | null) {
	const db = getDb();
	const at = now();
	const upcoming = db
		.select()
		.from(peerEvents)
		.where(gte(peerEvents.endsAt, at))
		.orderBy(asc(peerEvents.startsAt))
		.limit(100)
		.all();
	const past = db
		.select()
		.from(peerEvents)
		.where(lt(peerEvents.endsAt, at))
		.orderBy(desc(peerEvents.startsAt))
		.limit(20)
		.all();
	return {
		upcoming: upcoming.map(publicEvent),
		past: past.map(publicEvent),
		canPublish: can(viewer, 'event.publish')
	};
}

/** null when there is no such event */
export function eventPage(viewer: SessionUser | null, id: number) {
	const event = getEvent(id);
	if (!event) return null;
	const db = getDb();
	const at = now().getTime();
	const registrations = db
		.select({
			organisationId: peerEventRegistrations.organisationId,
			name: organisations.name,
			slug: organisations.slug,
			participants: peerEventRegistrations.participants
		})
		.from(peerEventRegistrations)
		.innerJoin(organisations, eq(organisations.id, peerEventRegistrations.organisationId))
		.where(eq(peerEventRegistrations.eventId, id))
		.orderBy(asc(organisations.searchName))
		.all();
	const linked = db
		.select({ reference: contracts.reference, title: contracts.title })
		.from(peerEventContracts)
		.innerJoin(contracts, eq(contracts.id, peerEventContracts.contractId))
		.where(eq(peerEventContracts.eventId, id))
		.orderBy(asc(contracts.title))
		.all();
	const members = can(viewer, 'event.viewMembersDetails');
	const documents = members
		? db
				.select({
					id: peerEventDocuments.id,
					title: peerEventDocuments.title,
					mime: peerEventDocuments.mime,
					size: peerEventDocuments.size
				})
				.from(peerEventDocuments)
				.where(eq(peerEventDocuments.eventId, id))
				.orderBy(asc(peerEventDocuments.createdAt))
				.all()
		: [];
	const mayRegister =
		!!viewer &&
		can(viewer, 'event.register', {
			organisationId: viewer.organisationId,
			kind: viewer.organisationKind
		});
	return {
		event: publicEvent(event),
		videoUrl: members ? event.videoUrl : '',
		membersOnlyHidden: !members,
		contracts: linked,
		registrations: registrations.map(({ organisationId: _id, ...r }) => r),
		documents,
		ownRegistration: viewer
			? (registrations.find((r) => r.organisationId === viewer.organisationId)?.participants ?? 0)
			: 0,
		registrationOpen: registrationOpen(event.startsAt.getTime(), at, !!event.cancelledAt),
		mayRegister,
		signedIn: !!viewer,
		mayAttach:
			can(viewer, 'event.manage', manager(event)) && hasStarted(event.startsAt.getTime(), at),
		/** the organiser may still change or cancel it */
		mayChange:
			can(viewer, 'event.manage', manager(event)) &&
			!event.cancelledAt &&
			!hasStarted(event.startsAt.getTime(), at),
		cancelReason: event.cancelledAt ? event.cancelReason : ''
	};
}

function calendarEvent(e: EventRow): CalendarEvent {
	const path = `/rencontres/${e.id}`;
	return {
		uid: `rencontre-${e.id}@centrale`,
		start: e.startsAt.getTime(),
		durationMinutes: Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60_000),
		summary: e.title,
		description: `${e.topic}\n\n${publicUrl(path)}`.trim(),
		// the video link stays in the portal: calendar files travel further than their reader
		location: e.place || 'En ligne (lien dans le portail)',
		url: publicUrl(path),
		stamp: e.updatedAt.getTime(),
		sequence: e.sequence,
		status: e.cancelledAt ? 'CANCELLED' : 'CONFIRMED'
	};
}

/** One event's invitation; null when there is no such event. */
export function eventInvitation(id: number): string | null {
	const event = getEvent(id);
	return event ? buildCalendar(`Rencontre — ${event.title}`, [calendarEvent(event)]) : null;
}

/** Every upcoming (and recent) rencontre, for calendar apps. */
export function agendaCalendar(): string {
	const since = new Date(now().getTime() - 30 * 86_400_000);
	const events = getDb()
		.select()
		.from(peerEvents)
		.where(gte(peerEvents.startsAt, since))
		.orderBy(asc(peerEvents.startsAt))
		.limit(500)
		.all()
		.filter((e) => !e.cancelledAt);
	return buildCalendar('Centrale — Rencontres entre communes', events.map(calendarEvent));
}

/** A document of an event, for signed-in members; null otherwise (as if it did not exist). */
export function serveEventDocument(
	viewer: SessionUser | null,
	eventId: number,
	documentId: number
): Response | null {
	if (!can(viewer, 'event.viewMembersDetails')) return null;
	const doc = getDb()
		.select()
		.from(peerEventDocuments)
		.where(eq(peerEventDocuments.id, documentId))
		.get();
	if (!doc || doc.eventId !== eventId) return null;
	const bytes = readStoredFile(doc.sha256);
	if (!bytes) return null;
	const ascii = doc.originalFilename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': doc.mime,
			'content-length': String(bytes.length),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.originalFilename)}`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

const contractChoices = () =>
	getDb()
		.select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
		.from(contracts)
		.where(ne(contracts.status, 'cancelled'))
		.orderBy(asc(contracts.title))
		.all();

/** The form to publish a rencontre; null when the viewer may not publish. */
export function newEventPage(viewer: SessionUser) {
	if (!can(viewer, 'event.publish')) return null;
	return { contractChoices: contractChoices() };
}

/** `14:05`, the Brussels time of day of an instant */
function brusselsTime(instant: Date): string {
	const shifted = new Date(instant.getTime() + brusselsOffsetMinutes(instant) * 60_000);
	return shifted.toISOString().slice(11, 16);
}

/**
 * The form to change a rencontre, filled with what it says now: 404 when there is none, 403 when
 * the viewer does not run it, 400 once it is cancelled or has started.
 */
export function editEventPage(
	viewer: SessionUser,
	id: number
):
	| { ok: false; status: 400 | 403 | 404; message: string }
	| {
			ok: true;
			id: number;
			title: string;
			contractChoices: ReturnType<typeof contractChoices>;
			values: Record<string, string>;
			contractIds: number[];
	  } {
	const event = getEvent(id);
	if (!event) return { ok: false, status: 404, message: 'Rencontre introuvable' };
	if (!can(viewer, 'event.manage', manager(event)))
		return { ok: false, status: 403, message: 'Seul l’organisateur modifie cette rencontre.' };
	if (event.cancelledAt || hasStarted(event.startsAt.getTime(), now().getTime()))
		return {
			ok: false,
			status: 400,
			message: 'Une rencontre annulée ou commencée ne se modifie plus.'
		};
	const linked = getDb()
		.select({ id: peerEventContracts.contractId })
		.from(peerEventContracts)
		.where(eq(peerEventContracts.eventId, id))
		.all();
	return {
		ok: true,
		id,
		title: event.title,
		contractChoices: contractChoices(),
		contractIds: linked.map((c) => c.id),
		values: {
			title: event.title,
			topic: event.topic,
			date: brusselsDay(event.startsAt),
			time: brusselsTime(event.startsAt),
			durationMinutes: String(Math.round((+event.endsAt - +event.startsAt) / 60_000)),
			place: event.place,
			videoUrl: event.videoUrl,
			capacity: String(event.capacity),
			solutions: event.solutions.join('\n')
		}
	};
}
