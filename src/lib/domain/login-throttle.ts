/**
 * Login throttling, after the OWASP Authentication Cheat Sheet ("Login Throttling", "Account
 * Lockout") and OWASP's "Slow Down Online Guessing Attacks with Device Cookies". A lockout per
 * account lets anyone lock a chosen victim out; one per address locks out a whole town hall
 * behind its NAT. So:
 *
 * - failures slow down one account *from one address*: a few are free (typos), then each
 *   further attempt waits twice as long as the last, up to a cap;
 * - an address has a much higher ceiling over every account (password spraying): past it, its
 *   attempts are spaced a few seconds apart, slowed and never blocked;
 * - a device that signed in to the account before is exempt, as long as it does not fail too
 *   often itself: an attacker elsewhere cannot keep its owner out.
 *
 * Pure: the history (timestamps of failures, ms) and `now` come from the caller.
 */

export const PAIR_FREE_FAILURES = 5;
export const PAIR_FIRST_DELAY_MS = 30_000;
export const PAIR_MAX_DELAY_MS = 15 * 60_000;
/** longer than the delays add up to, or a patient guesser would find free failures again */
export const PAIR_WINDOW_MS = 24 * 60 * 60_000;

/** failures from one address, all accounts together, in ADDRESS_WINDOW_MS */
export const ADDRESS_CEILING = 100;
export const ADDRESS_WINDOW_MS = 60 * 60_000;
export const ADDRESS_SPACING_MS = 5_000;

/** failures a known device may make (in PAIR_WINDOW_MS) before the ordinary rules apply to it */
export const DEVICE_MAX_FAILURES = 10;

/** how long failures are kept: the longest window */
export const RETENTION_MS = PAIR_WINDOW_MS;

export interface LoginHistory {
	/** failures of this account from this address */
	pair: readonly number[];
	/** failures from this address, any account */
	address: readonly number[];
	/** failures of the device presenting itself, when it signed in to this account before */
	device: readonly number[] | null;
}

export type ThrottleVerdict =
	| { allowed: true; knownDevice: boolean }
	| { allowed: false; retryAfterMs: number; reason: 'pair' | 'address' };

/** How long after its last failure a pair with `failures` recent failures waits (ms). */
export function pairDelayMs(failures: number): number {
	if (failures < PAIR_FREE_FAILURES) return 0;
	const doublings = Math.min(failures - PAIR_FREE_FAILURES, 30);
	return Math.min(PAIR_MAX_DELAY_MS, PAIR_FIRST_DELAY_MS * 2 ** doublings);
}

/** Whether a login may be tried now, and if not, for how long and because of what. */
export function loginVerdict(history: LoginHistory, now: number): ThrottleVerdict {
	if (history.device && recent(history.device, now, PAIR_WINDOW_MS).length < DEVICE_MAX_FAILURES)
		return { allowed: true, knownDevice: true };

	const pair = recent(history.pair, now, PAIR_WINDOW_MS);
	const pairWait = pair.length ? Math.max(...pair) + pairDelayMs(pair.length) - now : 0;
	const address = recent(history.address, now, ADDRESS_WINDOW_MS);
	const addressWait =
		address.length >= ADDRESS_CEILING ? Math.max(...address) + ADDRESS_SPACING_MS - now : 0;

	const wait = Math.max(pairWait, addressWait);
	if (wait <= 0) return { allowed: true, knownDevice: false };
	return {
		allowed: false,
		retryAfterMs: wait,
		reason: pairWait >= addressWait ? 'pair' : 'address'
	};
}

function recent(failures: readonly number[], now: number, window: number): number[] {
	return failures.filter((at) => at > now - window && at <= now);
}

/**
 * What the address limits count by: an IPv4 address as is (also when IPv6-mapped), an IPv6
 * address by its /64, the least one subscriber holds (they would otherwise have 2^64 addresses
 * to spread their attempts over).
 */
export function addressKey(ip: string): string {
	const address = ip.trim().toLowerCase();
	if (!address) return 'unknown';
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (mapped) return mapped[1];
	if (!address.includes(':')) return address;
	const [head, tail = ''] = address.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::')
		? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
		: left;
	const prefix = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, ''));
	return `${prefix.join(':')}::/64`;
}

/** "20 secondes", "1 minute", "15 minutes": rounded up, so that waiting that long is enough. */
export function waitLabel(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	if (seconds < 60) return seconds === 1 ? '1 seconde' : `${seconds} secondes`;
	const minutes = Math.ceil(ms / 60_000);
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
