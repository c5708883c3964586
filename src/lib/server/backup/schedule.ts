/**
 * When the server backs up: daily at BACKUP_AT (Brussels time, default 02:30), or every
 * BACKUP_EVERY_MINUTES minutes when that is set, to lose less than a day (see the README on RPO).
 */
import { dailyAt, every, type Schedule } from '../../domain/schedules';

export function backupSchedule(env: NodeJS.ProcessEnv = process.env): Schedule {
	const minutes = Number(env.BACKUP_EVERY_MINUTES);
	if (Number.isInteger(minutes) && minutes > 0) return every(minutes * 60_000);
	const at = /^(\d{1,2}):(\d{2})$/.exec(env.BACKUP_AT ?? '');
	if (at && Number(at[1]) < 24 && Number(at[2]) < 60) return dailyAt(Number(at[1]), Number(at[2]));
	return dailyAt(2, 30);
}

/** The schedule in words, for the admin page. */
export function backupScheduleLabel(env: NodeJS.ProcessEnv = process.env): string {
	const minutes = Number(env.BACKUP_EVERY_MINUTES);
	if (Number.isInteger(minutes) && minutes > 0) return `toutes les ${minutes} minutes`;
	const at = /^(\d{1,2}):(\d{2})$/.exec(env.BACKUP_AT ?? '');
	if (at && Number(at[1]) < 24 && Number(at[2]) < 60)
		return `chaque jour à ${at[1].padStart(2, '0')} h ${at[2]} (heure de Bruxelles)`;
	return 'chaque jour à 02 h 30 (heure de Bruxelles)';
}
