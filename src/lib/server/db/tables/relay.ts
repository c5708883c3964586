/**
 * The information relay: how each person wants to hear about each kind of information
 * (domain/relay/preferences.ts; a missing row means the kind's default), the centrales'
 * announcements with their per-organisation receipts, and the keys of reminders already sent.
 */
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { ANNOUNCEMENT_KINDS } from '../../../domain/relay/announcement';
import type { AudienceRule } from '../../../domain/relay/audience';
import type { FollowKind } from '../../../domain/relay/follows';
import type { Channel, NotificationKind } from '../../../domain/relay/preferences';
import { workingGroups } from './boards';
import { contracts } from './catalogue';
import { organisations, users } from './core';

export const notificationPreferences = sqliteTable(
	'notification_preferences',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<NotificationKind>().notNull(),
		channel: text('channel').$type<Channel>().notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })]
);

/** Announcement ← « annonce »: news from a centrale, possibly to acknowledge per commune. */
export const announcements = sqliteTable(
	'announcements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		centraleId: integer('centrale_id')
			.notNull()
			.references(() => organisations.id),
		kind: text('kind', { enum: ANNOUNCEMENT_KINDS }).notNull(),
		title: text('title').notNull(),
		/** what the buyer wrote, Markdown; rendered and sanitised when shown */
		body: text('body').notNull(),
		contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'set null' }),
		groupId: integer('group_id').references(() => workingGroups.id, { onDelete: 'set null' }),
		/** e.g. « intérêt à manifester avant le … » (calendar date, Europe/Brussels) */
		deadline: text('deadline'),
		eventDate: text('event_date'),
		/** the rule the buyer chose (domain/relay/audience.ts), as it was when sent */
		audience: text('audience', { mode: 'json' }).$type<AudienceRule>().notNull(),
		/** « Accusé de lecture requis »: each reached commune must acknowledge it once */
		requiresAck: integer('requires_ack', { mode: 'boolean' }).notNull().default(false),
		/** only the commune's referent may acknowledge (else any of its people) */
		ackByReferent: integer('ack_by_referent', { mode: 'boolean' }).notNull().default(false),
		escalationWorkingDays: integer('escalation_working_days').notNull().default(3),
		/** shown on the public news page and feed (else to logged-in members only) */
		isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(true),
		publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('announcements_centrale_idx').on(t.centraleId, t.publishedAt)]
);

/** Each organisation an announcement reached, and whether it opened and acknowledged it. */
export const announcementReceipts = sqliteTable(
	'announcement_receipts',
	{
		announcementId: integer('announcement_id')
			.notNull()
			.references(() => announcements.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
		openedBy: integer('opened_by').references(() => users.id, { onDelete: 'set null' }),
		acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
		acknowledgedBy: integer('acknowledged_by').references(() => users.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		primaryKey({ columns: [t.announcementId, t.organisationId] }),
		index('announcement_receipts_org_idx').on(t.organisationId)
	]
);

/**
 * Reminders already sent, by key (domain/relay/reminder-keys.ts): a job inserts the key first and
 * sends only when the insert added it, so nothing is sent twice across runs and restarts.
 */
export const sentReminders = sqliteTable('sent_reminders', {
	key: text('key').primaryKey(),
	sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * The secret in each person's unsubscribe links (one per person; the kind is in the link). Kept
 * in clear: links are built from it for every mail, and all it allows is to stop mail of a kind.
 */
export const unsubscribeTokens = sqliteTable(
	'unsubscribe_tokens',
	{
		userId: integer('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		token: text('token').notNull()
	},
	(t) => [uniqueIndex('unsubscribe_tokens_token_idx').on(t.token)]
);

/**
 * The secret of each person's personal feeds (Atom of their inbox): a feed reader sends no cookie.
 * Rotatable from /compte/notifications; the old address then answers 404.
 */
export const userFeedTokens = sqliteTable(
	'user_feed_tokens',
	{
		userId: integer('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		token: text('token').notNull()
	},
	(t) => [uniqueIndex('user_feed_tokens_token_idx').on(t.token)]
);

/**
 * What each person follows (domain/relay/follows.ts): a contract, lot, group or supplier by id, a
 * thématique by its module code. A commune's adhesion makes its people follow the contract
 * without a row; `optOut` records their « Ne plus suivre » of such a default follow.
 */
export const follows = sqliteTable(
	'follows',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		subjectKind: text('subject_kind').$type<FollowKind>().notNull(),
		/** the id (as text) or the module code */
		subjectId: text('subject_id').notNull(),
		optOut: integer('opt_out', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.subjectKind, t.subjectId] }),
		index('follows_subject_idx').on(t.subjectKind, t.subjectId)
	]
);

/**
 * The secret of each commune's calendar (iCal of the commune's dates, server/relay/calendar.ts):
 * its members read the address, its referent replaces it; the old address then answers 404.
 */
export const communeFeedTokens = sqliteTable(
	'commune_feed_tokens',
	{
		organisationId: integer('organisation_id')
			.primaryKey()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		token: text('token').notNull()
	},
	(t) => [uniqueIndex('commune_feed_tokens_token_idx').on(t.token)]
);
