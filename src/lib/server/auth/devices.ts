/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser
 * that signed in to an account gets a random token in a long-lived HttpOnly cookie, and the
 * account remembers the token's SHA-256 (db/tables/devices.ts). Login throttling lets such a
 * device through with the right password whatever happens elsewhere.
 */
import type { Cookies } from '@sveltejs/kit';
import { and, eq, lt, sql } from 'drizzle-orm';
import { now } from '../clock';
import { getDb } from '../db/client';
import { knownDevices } from '../db/schema';
import { cookieIsSecure } from './cookies';
import { generateToken, hashToken } from './tokens';

export const DEVICE_COOKIE = 'centrale_device';
/** a year; a device unseen for longer is forgotten, and browsers keep a cookie 400 days at most */
const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/** The device token this browser holds, when it looks like one of ours. */
export function deviceTokenOf(cookies: Cookies): string | null {
	const token = cookies.get(DEVICE_COOKIE);
	return token && TOKEN_SHAPE.test(token) ? token : null;
}

/**
 * The device `token` names when it signed in to `userId` before (an id for throttle.ts), or
 * null: a token from another account, or none, makes no device known.
 */
export function knownDevice(userId: number, token: string | null): string | null {
	if (!token) return null;
	const tokenHash = hashToken(token);
	const row = getDb()
		.select({ userId: knownDevices.userId })
		.from(knownDevices)
		.where(and(eq(knownDevices.userId, userId), eq(knownDevices.tokenHash, tokenHash)))
		.get();
	return row ? `${userId}:${tokenHash}` : null;
}

/** Remembers this browser as a device that signed in to `userId` (a new token if it has none). */
export function rememberDevice(cookies: Cookies, url: URL, userId: number, at = now()) {
	const token = deviceTokenOf(cookies) ?? generateToken();
	const db = getDb();
	db.transaction(() => {
		db.insert(knownDevices)
			.values({ userId, tokenHash: hashToken(token), lastSignInAt: at })
			.onConflictDoUpdate({
				target: [knownDevices.userId, knownDevices.tokenHash],
				set: { lastSignInAt: sql`excluded.last_sign_in_at` }
			})
			.run();
		db.delete(knownDevices)
			.where(lt(knownDevices.lastSignInAt, new Date(at.getTime() - DEVICE_LIFETIME_MS)))
			.run();
	});
	cookies.set(DEVICE_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieIsSecure(url),
		maxAge: DEVICE_LIFETIME_MS / 1000,
		path: '/'
	});
}
