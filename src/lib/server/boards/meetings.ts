/**
 * Meetings of a working group (« séances ») and the group's calendar feed. In code they are
 * meetings, apart from auth's login sessions; what is stored keeps its first names (the
 * group_sessions table, `group.session.*` audit actions and notifications, `sessionId` details)
 * so that older rows read the same.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { buildCalendar } from '../../domain/ics';
import type { Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { groupFeedTokens, groupSessions } from '../db/schema';
import { notifyGroupMembers } from '../relay/notifications';
import { formatDateTime } from '../../domain/format';
import { now as clockNow } from '../clock';

export type GroupMeeting = typeof groupSessions.$inferSelect;

export function listMeetings(groupId: number): GroupMeeting[] {
	return getDb()
		.select()
		.from(groupSessions)
		.where(eq(groupSessions.groupId, groupId))
		.orderBy(asc(groupSessions.startsAt))
		.all();
}

export interface NewMeeting {
	title: string;
	startsAt: Date;
	durationMinutes: number;
	place: string;
	videoLink: string;
	agenda: string;
}

export function planMeeting(
	group: { id: number; title: string },
	input: NewMeeting,
	by: Actor,
	now = clockNow()
): number {
	const db = getDb();
	const id = db.transaction(() => {
		const row = db
			.insert(groupSessions)
			.values({ ...input, groupId: group.id, createdAt: now })
			.returning({ id: groupSessions.id })
			.get();
		audit(
			{
				actorId: by.id,
				action: 'group.session.plan',
				subjectType: 'working_group',
				subjectId: group.id,
				details: { sessionId: row.id }
			},
			now
		);
		return row.id;
	});
	notifyGroupMembers(
		group.id,
		'group.session',
		`Nouvelle séance du groupe « ${group.title} » le ${formatDateTime(input.startsAt)}`,
		`/groupes/${group.id}#seance-${id}`,
		now
	);
	return id;
}

export function saveMinutes(
	groupId: number,
	meetingId: number,
	minutes: string,
	by: Actor,
	now = clockNow()
): boolean {
	const db = getDb();
	const meeting = db.select().from(groupSessions).where(eq(groupSessions.id, meetingId)).get();
	if (!meeting || meeting.groupId !== groupId) return false;
	db.transaction(() => {
		db.update(groupSessions).set({ minutes }).where(eq(groupSessions.id, meetingId)).run();
		audit(
			{
				actorId: by.id,
				action: 'group.session.minutes',
				subjectType: 'working_group',
				subjectId: groupId,
				details: { sessionId: meetingId }
			},
			now
		);
	});
	return true;
}

/** The secret of a members-only group's feed, created on first use. */
export function feedToken(groupId: number): string {
	const db = getDb();
	const row = db.select().from(groupFeedTokens).where(eq(groupFeedTokens.groupId, groupId)).get();
	if (row) return row.token;
	const token = randomBytes(24).toString('base64url');
	db.insert(groupFeedTokens).values({ groupId, token }).onConflictDoNothing().run();
	return db.select().from(groupFeedTokens).where(eq(groupFeedTokens.groupId, groupId)).get()!.token;
}

/** true when `given` is the group's current feed secret (compared in constant time) */
export function feedTokenMatches(groupId: number, given: string | null): boolean {
	const a = Buffer.from(given ?? '');
	const b = Buffer.from(feedToken(groupId));
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Replaces the feed's secret (a link shared by mistake): the old address stops working at once.
 * The token itself is never written to the audit log.
 */
export function rotateFeedToken(groupId: number, by: Actor, now = clockNow()): string {
	const db = getDb();
	const token = randomBytes(24).toString('base64url');
	db.transaction(() => {
		db.insert(groupFeedTokens)
			.values({ groupId, token })
			.onConflictDoUpdate({ target: groupFeedTokens.groupId, set: { token } })
			.run();
		audit(
			{
				actorId: by.id,
				action: 'group.feed.rotate',
				subjectType: 'working_group',
				subjectId: groupId
			},
			now
		);
	});
	return token;
}

export function groupCalendar(
	group: { id: number; title: string },
	origin: string,
	now = clockNow().getTime()
): string {
	return buildCalendar(
		`Centrale — ${group.title}`,
		listMeetings(group.id).map((s) => ({
			uid: `seance-${s.id}@centrale`,
			start: s.startsAt.getTime(),
			durationMinutes: s.durationMinutes,
			summary: s.title,
			description: [s.agenda, s.videoLink && `Visioconférence : ${s.videoLink}`]
				.filter(Boolean)
				.join('\n\n'),
			location: s.place || s.videoLink || undefined,
			url: `${origin}/groupes/${group.id}#seance-${s.id}`,
			stamp: s.createdAt.getTime() || now
		}))
	);
}
