/**
 * Which backups to keep: the newest verified backup of each of the last 7 Brussels days that have
 * one, and the newest of each of the last 4 weeks (Monday to Sunday) that have one. Days and weeks
 * without a backup (the server was down) do not use up a slot, so a long stop never leaves the
 * operator with nothing. A backup that failed its verification never fills a slot: only the newest
 * failure after the newest good backup stays, so that the admins can read why.
 */
import { addDays, brusselsDay, weekday } from './brussels-time';

export interface BackupStamp {
	name: string;
	takenAt: Date;
	verified: boolean;
}

export interface RetentionPolicy {
	daily: number;
	weekly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

/** the Monday of the Brussels week `instant` falls in */
function weekOf(instant: Date): string {
	const day = brusselsDay(instant);
	return addDays(day, -((weekday(day) + 6) % 7));
}

/** the newest backup of each of the `slots` most recent periods that have one */
function newestPerPeriod(newestFirst: BackupStamp[], period: (at: Date) => string, slots: number) {
	const kept: string[] = [];
	const seen = new Set<string>();
	for (const backup of newestFirst) {
		const key = period(backup.takenAt);
		if (seen.has(key)) continue;
		if (seen.size === slots) break;
		seen.add(key);
		kept.push(backup.name);
	}
	return kept;
}

/** The names of the backups to keep; every other one may be deleted. */
export function backupsToKeep(
	backups: BackupStamp[],
	policy: RetentionPolicy = DEFAULT_RETENTION
): Set<string> {
	const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
	const good = newestFirst.filter((b) => b.verified);
	const keep = new Set([
		...newestPerPeriod(good, brusselsDay, policy.daily),
		...newestPerPeriod(good, weekOf, policy.weekly)
	]);
	const newestGood = good[0]?.takenAt.getTime() ?? -Infinity;
	const lastFailure = newestFirst.find((b) => !b.verified);
	if (lastFailure && lastFailure.takenAt.getTime() > newestGood) keep.add(lastFailure.name);
	return keep;
}
