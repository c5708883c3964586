/** The admins' page on backups: what exists, whether each passed its checks, when the next is due. */
import { listJobStates } from '../jobs/state';
import { config } from '../config';
import { backupScheduleLabel } from './schedule';
import { listBackups } from './store';
import { BackupBusy } from './store';
import { takeBackup } from './take';

export function backupsPage() {
	const { backupDir, dataDir } = config();
	const job = listJobStates().find((j) => j.name === 'backup');
	return {
		backups: listBackups(backupDir).map((b) => ({
			name: b.name,
			takenAt: b.takenAt,
			trigger: b.trigger,
			databaseBytes: b.databaseBytes,
			files: b.files.length,
			verified: b.verified,
			problems: b.problems
		})),
		backupDir,
		dataDir,
		schedule: backupScheduleLabel(),
		lastError: job?.failures ? job.lastError : null
	};
}

export type BackupNowOutcome =
	{ ok: true; message: string } | { ok: false; status: 409 | 500; message: string };

/** An admin's « Faire une sauvegarde maintenant »: taken in the request, answered when checked. */
export async function backupNow(): Promise<BackupNowOutcome> {
	try {
		const { backup } = await takeBackup('page');
		if (backup.verified) return { ok: true, message: 'Sauvegarde faite et vérifiée.' };
		return {
			ok: false,
			status: 500,
			message: `La sauvegarde a échoué sa vérification : ${backup.problems[0]}`
		};
	} catch (err) {
		if (err instanceof BackupBusy)
			return {
				ok: false,
				status: 409,
				message: 'Une sauvegarde est déjà en cours. Réessayez dans un instant.'
			};
		throw err;
	}
}
