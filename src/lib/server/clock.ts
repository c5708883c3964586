/**
 * The server's "now". Everything that decides by date (reminders, escalations, digests, backups,
 * "today" in the catalogue) asks here rather than calling `new Date()`, so that a test can start
 * the real server on another day: CLOCK_OFFSET_MS shifts the clock. The test servers run with
 * NODE_ENV=production like the real one, so the offset is not tied to it; the server says loudly
 * at start when its clock is shifted (clockOffsetMs), so nobody runs one that way by mistake.
 */
import { brusselsDay } from '../domain/brussels-time';

export function clockOffsetMs(): number {
	const offset = Number(process.env.CLOCK_OFFSET_MS || 0);
	return Number.isFinite(offset) ? offset : 0;
}

export function now(): Date {
	return new Date(Date.now() + clockOffsetMs());
}

/** The calendar day in Brussels at `at`: what "today" means for every rule that counts days. */
export function brusselsToday(at: Date = now()): string {
	return brusselsDay(at);
}
