/**
 * `npm run backup`: takes a backup now, into BACKUP_DIR (by default DATA_DIR/backups). Safe while
 * the server runs: the copy is consistent and the portal keeps writing meanwhile.
 */
import { BackupBusy } from '../src/lib/server/backup/store';
import { takeBackup } from '../src/lib/server/backup/take';
import { config } from '../src/lib/server/config';
import { closeDb } from '../src/lib/server/db/client';

try {
	const { backup, adminsTold } = await takeBackup('cli');
	const file = `${config().backupDir}/${backup.name}.sqlite`;
	if (backup.verified) {
		console.log(`Sauvegarde faite et vérifiée : ${file}`);
		console.log(
			`  base ${(backup.databaseBytes / 1024 / 1024).toFixed(1)} Mo, ${backup.files.length} fichier(s) déposé(s) (${backup.filesCopied} nouveau(x)), ${backup.durationMs} ms`
		);
	} else {
		const told = adminsTold
			? 'admins prévenus'
			: 'admins NON prévenus : la base refuse de s’ouvrir';
		console.error(`La sauvegarde ${file} a échoué sa vérification (${told}) :`);
		for (const problem of backup.problems) console.error(`  - ${problem}`);
		process.exitCode = 1;
	}
} catch (err) {
	if (!(err instanceof BackupBusy)) throw err;
	console.error(
		'Une sauvegarde est déjà en cours / a backup is already running. Réessayez plus tard.'
	);
	process.exitCode = 1;
} finally {
	closeDb();
}
