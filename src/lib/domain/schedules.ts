/**
 * When a background job is next due, given the end of the period its last run covered. A job
 * runs once its due instant has passed, and covers everything up to the moment it runs: after a
 * downtime, one run catches up whatever the stopped server missed.
 */
import { addDays, brusselsDay, brusselsInstant, weekday } from './brussels-time';

/** the next instant a job is due, after a run that covered up to `coveredUntil` */
export type Schedule = (coveredUntil: Date) => Date;

/** Due `ms` after the last covered instant (the outbox's retries, escalations). */
export function every(ms: number): Schedule {
	return (coveredUntil) => new Date(coveredUntil.getTime() + ms);
}

/** Due at the first `hour:minute` Brussels time after the last covered instant (daily digests). */
export function dailyAt(hour: number, minute = 0): Schedule {
	return (coveredUntil) => {
		let day = brusselsDay(coveredUntil);
		for (;;) {
			const at = brusselsInstant(day, hour, minute);
			if (at > coveredUntil) return at;
			day = addDays(day);
		}
	};
}

/** Due at the first `hour:minute` Brussels time of weekday `day` (0 = Sunday) after the last covered instant. */
export function weeklyAt(day: number, hour: number, minute = 0): Schedule {
	const daily = dailyAt(hour, minute);
	return (coveredUntil) => {
		let at = daily(coveredUntil);
		while (weekday(brusselsDay(at)) !== day) at = daily(at);
		return at;
	};
}

/** How long a job waits after `failures` failed runs in a row: 30 s, 1 min, 2 min… at most 1 h. */
export function retryDelayMs(failures: number): number {
	if (failures <= 0) return 0;
	return Math.min(30_000 * 2 ** (failures - 1), 3_600_000);
}
