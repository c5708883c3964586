/**
 * Devices that signed in to an account (OWASP's "device cookies"): a random token in a
 * long-lived HttpOnly cookie, its SHA-256 here, one row per account it signed in to (a shared
 * town-hall computer holds one cookie for several people). Such a device is exempt from login
 * throttling while it does not fail too often itself: an attacker elsewhere, or behind the same
 * address, cannot keep its owner out (src/lib/domain/login-throttle.ts).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core';

export const knownDevices = sqliteTable(
	'known_devices',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		/** the last sign-in from it; devices unseen for longer than the cookie lives are deleted */
		lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.tokenHash] }),
		index('known_devices_last_sign_in_idx').on(t.lastSignInAt)
	]
);
