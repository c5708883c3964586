/**
 * Login throttling: after MAX_FAILURES failed attempts for an account or an address within
 * WINDOW_MS, further attempts are refused until the oldest counted failure leaves the window.
 */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export interface ThrottleVerdict {
	allowed: boolean;
	/** when refused, how long until the next attempt is accepted (ms) */
	retryAfterMs: number;
}

/** `failures` are the timestamps (ms) of recent failures for one key, in any order. */
export function throttleVerdict(failures: readonly number[], now: number): ThrottleVerdict {
	const recent = failures.filter((at) => at > now - WINDOW_MS).sort((a, b) => b - a);
	if (recent.length < MAX_FAILURES) return { allowed: true, retryAfterMs: 0 };
	// the attempt is accepted again once the MAX_FAILURES-th most recent failure leaves the window
	const pivot = recent[MAX_FAILURES - 1];
	return { allowed: false, retryAfterMs: Math.max(0, pivot + WINDOW_MS - now) };
}

/** Combines verdicts for several keys (account, address): the strictest wins. */
export function strictest(verdicts: readonly ThrottleVerdict[]): ThrottleVerdict {
	return verdicts.reduce(
		(acc, v) =>
			v.allowed && acc.allowed
				? acc
				: { allowed: false, retryAfterMs: Math.max(acc.retryAfterMs, v.retryAfterMs) },
		{ allowed: true, retryAfterMs: 0 }
	);
}

/** "15 minutes", "1 minute" */
export function minutesLabel(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
