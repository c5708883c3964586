/**
 * Where login failures are kept for throttling (the rule is domain/login-throttle.ts): one row
 * per failure under each key it counts for, `pair:<email>|<address>`, `address:<address>` and,
 * for a known device, `device:<user id>:<token hash>`. Failures older than the longest window
 * are deleted as new ones come in.
 */
import { and, gt, inArray, lt } from 'drizzle-orm';
import {
	addressKey,
	loginVerdict,
	RETENTION_MS,
	type ThrottleVerdict
} from '../../domain/login-throttle';
import { getDb } from '../db/client';
import { loginAttempts } from '../db/schema';

/** Who is trying: the email typed, the address adapter-node resolved, and a known device. */
export interface LoginAttempt {
	email: string;
	ip: string;
	/** a device that signed in to this account before (devices.ts `knownDevice`), or null */
	device: string | null;
}

function keysOf({ email, ip, device }: LoginAttempt) {
	const address = addressKey(ip);
	return {
		pair: `pair:${email.toLowerCase()}|${address}`,
		address: `address:${address}`,
		device: device ? `device:${device}` : null
	};
}

/** Whether this attempt may be tried at `now` (ms). */
export function loginVerdictFor(attempt: LoginAttempt, now: number): ThrottleVerdict {
	const keys = keysOf(attempt);
	const rows = getDb()
		.select({ key: loginAttempts.key, at: loginAttempts.at })
		.from(loginAttempts)
		.where(
			and(
				inArray(
					loginAttempts.key,
					Object.values(keys).filter((k) => k !== null)
				),
				gt(loginAttempts.at, new Date(now - RETENTION_MS))
			)
		)
		.all();
	const times = (key: string) => rows.filter((r) => r.key === key).map((r) => r.at.getTime());
	return loginVerdict(
		{
			pair: times(keys.pair),
			address: times(keys.address),
			device: keys.device ? times(keys.device) : null
		},
		now
	);
}

export function recordLoginFailure(attempt: LoginAttempt, now: number) {
	const keys = Object.values(keysOf(attempt)).filter((k) => k !== null);
	getDb().transaction((tx) => {
		for (const key of keys)
			tx.insert(loginAttempts)
				.values({ key, at: new Date(now) })
				.run();
		tx.delete(loginAttempts)
			.where(lt(loginAttempts.at, new Date(now - RETENTION_MS)))
			.run();
	});
}

/**
 * A success clears the pair's failures and the device's. Not the address's: an attacker who
 * holds one account would otherwise reset its address's count by signing in to it.
 */
export function clearLoginFailures(attempt: LoginAttempt) {
	const { pair, device } = keysOf(attempt);
	getDb()
		.delete(loginAttempts)
		.where(inArray(loginAttempts.key, device ? [pair, device] : [pair]))
		.run();
}
