/**
 * A commune's calendar (iCalendar, RFC 5545): the dates of the commune rather than of one person,
 * for a shared agenda of the secretariat or the finance department. What the personal calendar
 * holds for the commune (announcement dates, ends of its adhesions, its budget votes), plus the
 * interest and tender deadlines of the contracts of the centrales that serve it, the sessions of
 * the working groups it is a member of, and the rencontres it registered to. Its secret is the
 * commune's own: its members read the address, its referent replaces it (404 for the old one).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { buildCalendar, type CalendarDayEvent, type CalendarEvent } from '../../domain/ics';
import { now } from '../clock';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import {
	communeFeedTokens,
	contracts,
	groupMembers,
	groupSessions,
	memberships,
	organisations,
	peerEventRegistrations,
	peerEvents,
	territories,
	workingGroups
} from '../db/schema';
import { personalCalendarEvents } from './calendar';

export const COMMUNE_CALENDAR_PATH = '/notifications/commune.ics';

export function communeFeedToken(organisationId: number): string {
	const db = getDb();
	const read = () =>
		db
			.select()
			.from(communeFeedTokens)
			.where(eq(communeFeedTokens.organisationId, organisationId))
			.get();
	const row = read();
	if (row) return row.token;
	db.insert(communeFeedTokens)
		.values({ organisationId, token: randomBytes(24).toString('base64url') })
		.onConflictDoNothing()
		.run();
	return read()!.token;
}

/** Replaces the commune's secret: the old address answers 404 at once. */
export function rotateCommuneFeedToken(organisationId: number): string {
	const token = randomBytes(24).toString('base64url');
	getDb()
		.insert(communeFeedTokens)
		.values({ organisationId, token })
		.onConflictDoUpdate({ target: communeFeedTokens.organisationId, set: { token } })
		.run();
	return token;
}

export function communeCalendarPath(organisationId: number): string {
	return `${COMMUNE_CALENDAR_PATH}?jeton=${communeFeedToken(organisationId)}`;
}

function communeByToken(given: string | null): number | null {
	if (!given || given.length > 100) return null;
	const row = getDb()
		.select()
		.from(communeFeedTokens)
		.where(eq(communeFeedTokens.token, given))
		.get();
	if (!row) return null;
	const a = Buffer.from(given);
	const b = Buffer.from(row.token);
	return a.length === b.length && timingSafeEqual(a, b) ? row.organisationId : null;
}

export function communeCalendarEvents(
	organisationId: number,
	stamp: number
): (CalendarDayEvent | CalendarEvent)[] {
	const db = getDb();
	const events: (CalendarDayEvent | CalendarEvent)[] = personalCalendarEvents(
		organisationId,
		stamp
	).map((e) => ({ ...e, uid: e.uid.replace('@centrale', `-commune-${organisationId}@centrale`) }));
	// the centrales that serve the commune: its territory's and the one it joined
	const centrales = [
		...db
			.select({ id: territories.intercommunaleId })
			.from(territories)
			.where(eq(territories.communeId, organisationId))
			.all(),
		...db
			.select({ id: memberships.centraleId })
			.from(memberships)
			.where(eq(memberships.organisationId, organisationId))
			.all()
	].map((r) => r.id);
	if (centrales.length) {
		const upcoming = db
			.select({
				id: contracts.id,
				reference: contracts.reference,
				title: contracts.title,
				interestDeadline: contracts.interestDeadline,
				tenderCloseDate: contracts.tenderCloseDate
			})
			.from(contracts)
			.where(
				and(
					inArray(contracts.centraleId, [...new Set(centrales)]),
					inArray(contracts.status, ['planned', 'tendering']),
					or(isNotNull(contracts.interestDeadline), isNotNull(contracts.tenderCloseDate))
				)
			)
			.all();
		for (const c of upcoming) {
			const url = publicUrl(`/catalogue/${encodeURIComponent(c.reference)}`);
			if (c.interestDeadline)
				events.push({
					uid: `contract-${c.id}-interest-commune-${organisationId}@centrale`,
					day: c.interestDeadline,
					summary: `Intérêt à manifester : ${c.reference} ${c.title}`,
					url,
					stamp
				});
			if (c.tenderCloseDate)
				events.push({
					uid: `contract-${c.id}-tender-commune-${organisationId}@centrale`,
					day: c.tenderCloseDate,
					summary: `Remise des offres : ${c.reference} ${c.title}`,
					url,
					stamp
				});
		}
	}
	const sessions = db
		.select({
			id: groupSessions.id,
			groupId: groupSessions.groupId,
			title: groupSessions.title,
			startsAt: groupSessions.startsAt,
			durationMinutes: groupSessions.durationMinutes,
			place: groupSessions.place,
			groupTitle: workingGroups.title
		})
		.from(groupMembers)
		.innerJoin(groupSessions, eq(groupSessions.groupId, groupMembers.groupId))
		.innerJoin(workingGroups, eq(workingGroups.id, groupMembers.groupId))
		.where(and(eq(groupMembers.organisationId, organisationId), eq(groupMembers.status, 'member')))
		.all();
	for (const s of sessions)
		events.push({
			uid: `group-session-${s.id}-commune-${organisationId}@centrale`,
			start: s.startsAt.getTime(),
			durationMinutes: s.durationMinutes,
			summary: `${s.groupTitle} : ${s.title}`,
			location: s.place || undefined,
			url: publicUrl(`/groupes/${s.groupId}`),
			stamp
		});
	const registered = db
		.select({
			id: peerEvents.id,
			title: peerEvents.title,
			startsAt: peerEvents.startsAt,
			endsAt: peerEvents.endsAt,
			place: peerEvents.place
		})
		.from(peerEventRegistrations)
		.innerJoin(peerEvents, eq(peerEvents.id, peerEventRegistrations.eventId))
		.where(
			and(eq(peerEventRegistrations.organisationId, organisationId), isNull(peerEvents.cancelledAt))
		)
		.all();
	for (const e of registered)
		events.push({
			uid: `peer-event-${e.id}-commune-${organisationId}@centrale`,
			start: e.startsAt.getTime(),
			durationMinutes: Math.max(
				1,
				Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60_000)
			),
			summary: `Rencontre : ${e.title}`,
			location: e.place || undefined,
			url: publicUrl(`/rencontres/${e.id}`),
			stamp
		});
	return events;
}

/** The calendar a commune secret opens, or null (wrong or replaced: the route answers 404). */
export function communeCalendarForToken(token: string | null): string | null {
	const organisationId = communeByToken(token);
	if (organisationId === null) return null;
	const org = getDb()
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, organisationId))
		.get();
	if (!org) return null;
	return buildCalendar(
		`Centrale — ${org.name}`,
		communeCalendarEvents(organisationId, now().getTime())
	);
}
