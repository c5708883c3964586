/**
 * Each person's delivery preferences (domain/relay/preferences.ts) and the unsubscribe links in
 * their mail: /desabonnement/<token>/<kind> works without login and turns that kind's mail off
 * (« dans le portail uniquement »); critical announcements still arrive by mail.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
	DEFAULT_CHANNELS,
	isNotificationKind,
	NOTIFICATION_KINDS,
	type Channel,
	type NotificationKind
} from '../../domain/relay/preferences';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { notificationPreferences, unsubscribeTokens, users } from '../db/schema';

/** Every kind's channel for one person, defaults filled in. */
export function preferencesOf(userId: number): Record<NotificationKind, Channel> {
	const chosen = getDb()
		.select()
		.from(notificationPreferences)
		.where(eq(notificationPreferences.userId, userId))
		.all();
	const out = { ...DEFAULT_CHANNELS };
	for (const row of chosen) if (NOTIFICATION_KINDS.includes(row.kind)) out[row.kind] = row.channel;
	return out;
}

export function setPreference(userId: number, kind: NotificationKind, channel: Channel) {
	getDb()
		.insert(notificationPreferences)
		.values({ userId, kind, channel })
		.onConflictDoUpdate({
			target: [notificationPreferences.userId, notificationPreferences.kind],
			set: { channel }
		})
		.run();
}

/** Each person's unsubscribe token, created for those who have none yet (one statement per 500). */
export function unsubscribeTokensFor(userIds: readonly number[]): Map<number, string> {
	const db = getDb();
	const tokens = new Map<number, string>();
	for (let i = 0; i < userIds.length; i += 500) {
		const ids = userIds.slice(i, i + 500);
		for (const r of db
			.select()
			.from(unsubscribeTokens)
			.where(inArray(unsubscribeTokens.userId, ids))
			.all())
			tokens.set(r.userId, r.token);
		const missing = ids
			.filter((id) => !tokens.has(id))
			.map((userId) => ({ userId, token: randomBytes(20).toString('base64url') }));
		if (missing.length) db.insert(unsubscribeTokens).values(missing).run();
		for (const m of missing) tokens.set(m.userId, m.token);
	}
	return tokens;
}

export function unsubscribeUrl(token: string, kind: NotificationKind): string {
	return publicUrl(`/desabonnement/${token}/${kind}`);
}

/** The person a link's token names, or null (a wrong token is a 404, never a hint). */
export function findByUnsubscribeToken(token: string) {
	return (
		getDb()
			.select({ id: users.id, email: users.email })
			.from(unsubscribeTokens)
			.innerJoin(users, eq(users.id, unsubscribeTokens.userId))
			.where(and(eq(unsubscribeTokens.token, token)))
			.get() ?? null
	);
}

/**
 * The RFC 8058 one-click POST (server/one-click.ts): that kind's mail turned off for the person
 * the token names. False for a wrong token or kind (answered 404).
 */
export function unsubscribeOneClick(token: string, kind: string): boolean {
	const person = findByUnsubscribeToken(token);
	if (!person || !isNotificationKind(kind)) return false;
	setPreference(person.id, kind, 'app');
	return true;
}
