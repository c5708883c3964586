/**
 * The server's "now". Everything that decides by date (reminders, escalations, digests, backups,
 * "today" in the catalogue) asks here rather than calling `new Date()`, so that a test can start
 * the real server on another day: CLOCK_OFFSET_MS shifts the clock, and is ignored in production.
 */
import { brusselsDay } from '../domain/brussels-time';

function offsetMs(): number {
	if (process.env.NODE_ENV === 'production') return 0;
	const offset = Number(process.env.CLOCK_OFFSET_MS || 0);
	return Number.isFinite(offset) ? offset : 0;
}

export function now(): Date {
	return new Date(Date.now() + offsetMs());
}

/** The calendar day in Brussels at `at`: what "today" means for every rule that counts days. */
export function brusselsToday(at: Date = now()): string {
	return brusselsDay(at);
}
