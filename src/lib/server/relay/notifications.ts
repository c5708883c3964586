/** In-portal notifications, the inbox of every area: one row per person, read or not. */
import { and, count, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { FILTER_KIND_PREFIX, type InboxFilter } from '../../domain/relay/inbox';
import { getDb } from '../db/client';
import { preparedQueries } from '../db/prepared';
import { groupMembers, notifications, users } from '../db/schema';
import { notify } from './notify';
import { now as clockNow } from '../clock';

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
	now = clockNow()
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
	now = clockNow(),
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

/**
 * The inbox: notifications not archived, newest first; « à traiter » keeps the unread ones, the
 * other filters a kind (domain/relay/inbox.ts).
 */
export function listNotifications(
	userId: number,
	limit = 50,
	filter: InboxFilter = 'tout'
): NotificationRow[] {
	const prefix = FILTER_KIND_PREFIX[filter];
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
		.where(
			and(
				eq(notifications.userId, userId),
				isNull(notifications.archivedAt),
				filter === 'a-traiter' ? isNull(notifications.readAt) : undefined,
				prefix
					? or(eq(notifications.kind, prefix), like(notifications.kind, `${prefix}.%`))
					: undefined
			)
		)
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
		.all();
}

/** Puts a notification of the user away (read as well). */
export function archive(userId: number, id: number, at = clockNow()) {
	getDb()
		.update(notifications)
		// raw SQL: keep the time it was first read, in the same UPDATE (the builder has no coalesce)
		.set({ archivedAt: at, readAt: sql`coalesce(${notifications.readAt}, ${at.getTime()})` })
		.where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
		.run();
}

// prepared once per connection: the root layout counts them on every page a user loads
const unread = preparedQueries((db) =>
	db
		.select({ n: count() })
		.from(notifications)
		.where(
			and(
				eq(notifications.userId, sql.placeholder('userId')),
				isNull(notifications.readAt),
				isNull(notifications.archivedAt)
			)
		)
		.prepare()
);

export function unreadCount(userId: number): number {
	return unread().get({ userId })?.n ?? 0;
}

/** Marks one notification (or all when `id` is omitted) of the user as read. */
export function markRead(userId: number, id?: number, now = clockNow()) {
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
