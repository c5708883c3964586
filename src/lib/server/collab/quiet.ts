/**
 * When the sync hub last accepted an update, so that the server's background work (the journal's
 * fold, projections, compaction, the WAL checkpoint's copy) runs in a pause between updates and
 * not in the middle of a burst: everyone's keystrokes after a paste, the writers of bench:sync
 * ticking together. Each of those holds the event loop for a millisecond or more, and an update
 * that arrives meanwhile waits for it.
 *
 * Their timers made it worse than chance. A projection is due a second after a document's last
 * update, so when people type at a steady pace it falls due in the middle of another burst
 * (bench:sync's writers tick every 50 ms: twenty periods later, every time); the checkpointer's
 * once-a-second look either always meets the bursts or never does, depending on when the server
 * started. On the same code, bench:sync's p99 ratio (hub / reference) ranged from 0.83 to 1.13
 * from run to run.
 *
 * On globalThis: the server's bundle and SvelteKit's each hold a copy of this module.
 */
const KEY = Symbol.for('centrale.lastUpdateAcceptedAt');
type Holder = { [KEY]?: number };

/** A pause this long between updates is one the background work may take. */
export const QUIET_MS = 3;
/** How long background work that is due waits for such a pause, at most. */
export const QUIET_WAIT_MAX_MS = 1000;

/** The hub accepted an update (performance.now()). */
export function noteUpdateAccepted(now = performance.now()) {
	(globalThis as Holder)[KEY] = now;
}

/** Milliseconds since the hub last accepted an update (Infinity before the first). */
export function quietForMs(now = performance.now()): number {
	return now - ((globalThis as Holder)[KEY] ?? -Infinity);
}

/**
 * How long work that is due should wait before it runs: 0 once no update has been accepted for
 * QUIET_MS, or once `deadline` (performance.now()) has passed (updates that never pause must not
 * starve it).
 */
export function quietWaitMs(deadline: number, now = performance.now()): number {
	const quiet = quietForMs(now);
	if (quiet >= QUIET_MS || now >= deadline) return 0;
	return Math.min(QUIET_MS - quiet, deadline - now);
}

/** Runs `task` in a later turn of the event loop, in a pause or at the latest `maxWaitMs` from now. */
export function whenQuiet(task: () => void, maxWaitMs: number) {
	const deadline = performance.now() + maxWaitMs;
	const check = () => {
		const wait = quietWaitMs(deadline);
		if (wait > 0) setTimeout(check, wait);
		else task();
	};
	setImmediate(check);
}
