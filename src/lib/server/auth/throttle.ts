import { and, gt, inArray, lt } from 'drizzle-orm';
import {
	strictest,
	throttleVerdict,
	WINDOW_MS,
	type ThrottleVerdict
} from '../../domain/login-throttle';
import { getDb } from '../db/client';
import { loginAttempts } from '../db/schema';

const keysFor = (email: string, ip: string) => [`email:${email.toLowerCase()}`, `ip:${ip}`];

/** Whether a login for this account from this address may be tried now. */
export function loginVerdict(email: string, ip: string, now = Date.now()): ThrottleVerdict {
	const keys = keysFor(email, ip);
	const rows = getDb()
		.select({ key: loginAttempts.key, at: loginAttempts.at })
		.from(loginAttempts)
		.where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.at, new Date(now - WINDOW_MS))))
		.all();
	return strictest(
		keys.map((key) =>
			throttleVerdict(
				rows.filter((r) => r.key === key).map((r) => r.at.getTime()),
				now
			)
		)
	);
}

export function recordLoginFailure(email: string, ip: string, now = Date.now()) {
	const db = getDb();
	db.transaction((tx) => {
		for (const key of keysFor(email, ip)) {
			tx.insert(loginAttempts)
				.values({ key, at: new Date(now) })
				.run();
		}
		// keep the table small: older failures no longer count
		tx.delete(loginAttempts)
			.where(lt(loginAttempts.at, new Date(now - WINDOW_MS)))
			.run();
	});
}

/** A successful login clears the account's failures (not the address's). */
export function clearAccountFailures(email: string) {
	getDb()
		.delete(loginAttempts)
		.where(inArray(loginAttempts.key, [`email:${email.toLowerCase()}`]))
		.run();
}
