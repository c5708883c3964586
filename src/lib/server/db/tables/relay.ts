/**
 * The information relay: how each person wants to hear about each kind of information
 * (domain/relay/preferences.ts). A missing row means the kind's default.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Channel, NotificationKind } from '../../../domain/relay/preferences';
import { users } from './core';

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
