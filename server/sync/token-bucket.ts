/**
 * A rate with a burst: `burst` turns at once, then `perSecond` turns a second. What asks for a
 * turn learns how long to wait instead, and nothing is spent while it waits, so a caller that
 * comes back when told always gets its turn.
 */
export class TokenBucket {
	private tokens: number;
	private refilledAt: number;

	constructor(
		private readonly burst: number,
		private readonly perSecond: number,
		private readonly now: () => number = Date.now
	) {
		this.tokens = burst;
		this.refilledAt = now();
	}

	/** 0 when a turn was taken now; otherwise how many milliseconds until the next one. */
	take(): number {
		const now = this.now();
		const refill = ((now - this.refilledAt) / 1000) * this.perSecond;
		this.tokens = Math.min(this.burst, this.tokens + refill);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
	}
}
