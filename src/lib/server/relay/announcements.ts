/**
 * Announcements of a centrale: resolved to the organisations its audience rule reaches when
 * published, one receipt per organisation, a notification to each of their people (a mail to
 * all of them when an acknowledgement is required: domain/relay/preferences.ts).
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { recipientsOf, type AudienceRule } from '../../domain/relay/audience';
import { ANNOUNCEMENT_KIND_LABELS } from '../../domain/relay/announcement';
import { now } from '../clock';
import { getDb } from '../db/client';
import { announcementReceipts, announcements, organisations, users } from '../db/schema';
import { audienceRule, type AnnouncementInput } from './announcement-form';
import { resolveRule } from './audience';
import { notify } from './notify';

export type AnnouncementRow = typeof announcements.$inferSelect;

const CHUNK = 500;

/** The active people of these organisations, as recipientsOf() needs them. */
export function peopleOf(organisationIds: readonly number[], referentsOnly = false): number[] {
	const people = [];
	const db = getDb();
	for (let i = 0; i < organisationIds.length; i += CHUNK) {
		const ids = organisationIds.slice(i, i + CHUNK);
		people.push(
			...db
				.select({
					id: users.id,
					organisationId: users.organisationId,
					role: users.role,
					disabledAt: users.disabledAt
				})
				.from(users)
				.where(inArray(users.organisationId, ids))
				.all()
				.map((p) => ({ ...p, disabled: p.disabledAt !== null }))
		);
	}
	return recipientsOf(organisationIds, people, { referentsOnly });
}

/** How many organisations the rule reaches now, and the first names, for the buyer to check. */
export function previewAudience(centraleId: number, rule: AudienceRule) {
	const reached = resolveRule(centraleId, rule);
	const names = reached.length
		? getDb()
				.select({ name: organisations.name })
				.from(organisations)
				.where(inArray(organisations.id, reached.slice(0, 12)))
				.orderBy(organisations.searchName)
				.all()
				.map((r) => r.name)
		: [];
	return { count: reached.length, people: peopleOf(reached).length, names };
}

export function publishAnnouncement(
	publisher: { id: number; organisationId: number },
	input: AnnouncementInput,
	at: Date = now()
) {
	const db = getDb();
	const rule = audienceRule(input);
	return db.transaction(() => {
		const reached = resolveRule(publisher.organisationId, rule);
		const row = db
			.insert(announcements)
			.values({
				centraleId: publisher.organisationId,
				kind: input.kind,
				title: input.title,
				body: input.body,
				contractId: input.contractId,
				groupId: input.groupId,
				deadline: input.deadline,
				eventDate: input.eventDate,
				audience: rule,
				requiresAck: input.requiresAck,
				ackByReferent: input.requiresAck && input.ackByReferent,
				escalationWorkingDays: input.escalationWorkingDays,
				isPublic: input.isPublic,
				publishedBy: publisher.id,
				publishedAt: at
			})
			.returning()
			.get();
		for (let i = 0; i < reached.length; i += CHUNK) {
			db.insert(announcementReceipts)
				.values(
					reached
						.slice(i, i + CHUNK)
						.map((organisationId) => ({ announcementId: row.id, organisationId }))
				)
				.run();
		}
		const sent = notify(
			peopleOf(reached),
			{
				kind: 'announcement',
				title: `${ANNOUNCEMENT_KIND_LABELS[row.kind]} : ${row.title}`,
				link: `/annonces/${row.id}`,
				body: row.requiresAck
					? `${row.body}\n\nAccusé de lecture requis : ouvrez l'annonce pour en accuser réception au nom de votre commune.`
					: row.body,
				critical: row.requiresAck
			},
			at
		);
		return { id: row.id, organisations: reached.length, ...sent };
	});
}

export function findAnnouncement(id: number): AnnouncementRow | undefined {
	return getDb().select().from(announcements).where(eq(announcements.id, id)).get();
}

/** A centrale's announcements, newest first, with how many were reached and acknowledged. */
export function listCentraleAnnouncements(centraleId: number) {
	return getDb()
		.select({
			id: announcements.id,
			kind: announcements.kind,
			title: announcements.title,
			requiresAck: announcements.requiresAck,
			publishedAt: announcements.publishedAt,
			reached: count(announcementReceipts.organisationId),
			acknowledged: count(announcementReceipts.acknowledgedAt)
		})
		.from(announcements)
		.leftJoin(announcementReceipts, eq(announcementReceipts.announcementId, announcements.id))
		.where(eq(announcements.centraleId, centraleId))
		.groupBy(announcements.id)
		.orderBy(desc(announcements.publishedAt), desc(announcements.id))
		.all();
}

/** The news page: public announcements (and members-only ones for logged-in people), newest first. */
export function listNews(loggedIn: boolean, limit = 50) {
	return getDb()
		.select({
			id: announcements.id,
			kind: announcements.kind,
			title: announcements.title,
			deadline: announcements.deadline,
			eventDate: announcements.eventDate,
			publishedAt: announcements.publishedAt,
			centraleName: organisations.name
		})
		.from(announcements)
		.innerJoin(organisations, eq(organisations.id, announcements.centraleId))
		.where(loggedIn ? undefined : eq(announcements.isPublic, true))
		.orderBy(desc(announcements.publishedAt), desc(announcements.id))
		.limit(limit)
		.all();
}

/** Critical announcements this organisation has not acknowledged yet: pinned in its inbox. */
export function pendingAcknowledgements(organisationId: number) {
	return getDb()
		.select({
			id: announcements.id,
			title: announcements.title,
			kind: announcements.kind,
			publishedAt: announcements.publishedAt,
			ackByReferent: announcements.ackByReferent
		})
		.from(announcementReceipts)
		.innerJoin(announcements, eq(announcements.id, announcementReceipts.announcementId))
		.where(
			and(
				eq(announcementReceipts.organisationId, organisationId),
				eq(announcements.requiresAck, true),
				isNull(announcementReceipts.acknowledgedAt)
			)
		)
		.orderBy(desc(announcements.publishedAt))
		.all();
}
