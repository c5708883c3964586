/**
 * Bounds every protocol of the sync hub shares (the y-websocket presence limits are in
 * yjs/awareness-guard.ts). A few can be tuned by environment for tests and benchmarks; they are
 * read once, when the hub loads: a process's environment does not change under it (tests set it
 * per server process), and the hot path then reads a plain number.
 */
const fromEnv = (name: string, fallback: number) => {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value >= 0 ? value : fallback;
};

/** a message above this closes its connection with 1009 (ws enforces it before buffering more) */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** a reader this far behind is cut rather than buffered without end */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** how long a document with no connection stays in memory (a reload reconnects within it) */
export const IDLE_UNLOAD_MS = fromEnv('SYNC_IDLE_MS', 10_000);
/** fold the log into a snapshot once this many updates follow it */
export const COMPACT_AFTER_UPDATES = fromEnv('SYNC_COMPACT_AFTER', 500);
/** projections run this long after the last accepted update (and at most this late after the first) */
export const CHANGE_DEBOUNCE_MS = 1000;
export const CHANGE_MAX_WAIT_MS = 5000;
/** dead peers are found by ws pings */
export const PING_EVERY_MS = 30_000;
/** expiry ends a session without any event: sockets look at their session this often */
export const SESSION_CHECK_MS = fromEnv('SYNC_SESSION_CHECK_MS', 60_000);

/** Close codes: 4400–4499 are final for y-websocket 3.1 (it stops retrying). */
export const CLOSE = {
	goingAway: 1001,
	unsupported: 1003,
	invalid: 1007,
	tooBig: 1009,
	internal: 1011,
	tryLater: 1013,
	noSession: 4401,
	forbidden: 4403,
	notFound: 4404
} as const;
