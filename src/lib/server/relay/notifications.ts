/** In-portal notifications, the inbox of every area: one row per person, read or not. */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../db/client';
import { groupMembers, notifications, users } from '../db/schema';
import { notify } from './notify';

export interface NotificationRow {
	id: number;
	kind: string;
	title: string;
	link: string;
	readAt: Date | null;
	createdAt: Date;
}

/** Notifies people of a group's life; kept for the boards, through notify() and its preferences. */
export function notifyUsers(
	userIds: number[],
	kind: string,
	title: string,
	link: string,
	now = new Date()
) {
	notify(userIds, { kind, title, link }, now);
}

/**
 * Notifies the active people of a group's member organisations, or with `onlyOrganisation` the
 * people of that one organisation (the centrale's buyers, a commune that asked to join).
 */
export function notifyGroupMembers(
	groupId: number,
	kind: string,
	title: string,
	link: string,
	now = new Date(),
	options: { onlyOrganisation?: number } = {}
) {
	const db = getDb();
	const organisationIds =
		options.onlyOrganisation != null
			? [options.onlyOrganisation]
			: db
					.select({ id: groupMembers.organisationId })
					.from(groupMembers)
					.where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'member')))
					.all()
					.map((r) => r.id);
	if (!organisationIds.length) return;
	const people = db
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.organisationId, organisationIds), isNull(users.disabledAt)))
		.all();
	notifyUsers(
		people.map((p) => p.id),
		kind,
		title,
		link,
		now
	);
}

export function listNotifications(userId: number, limit = 50): NotificationRow[] {
	return getDb()
		.select({
			id: notifications.id,
			kind: notifications.kind,
			title: notifications.title,
			link: notifications.link,
			readAt: notifications.readAt,
			createdAt: notifications.createdAt
		})
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
		.all();
}

export function unreadCount(userId: number): number {
	const row = getDb()
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.get();
	return row?.n ?? 0;
}

/** Marks one notification (or all when `id` is omitted) of the user as read. */
export function markRead(userId: number, id?: number, now = new Date()) {
	getDb()
		.update(notifications)
		.set({ readAt: now })
		.where(
			and(
				eq(notifications.userId, userId),
				isNull(notifications.readAt),
				id == null ? undefined : eq(notifications.id, id)
			)
		)
		.run();
}
