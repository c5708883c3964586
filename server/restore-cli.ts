/**
 * `npm run restore -- <backup.sqlite>`: puts a backup back into DATA_DIR. Refuses while the server
 * runs on that folder; the database it replaces is kept in DATA_DIR/replaced-<instant>/.
 */
import { RestoreRefused, restoreBackup } from '../src/lib/server/backup/restore';
import { config } from '../src/lib/server/config';

const file = process.argv[2];
if (!file) {
	console.error('Usage : npm run restore -- <fichier .sqlite d’une sauvegarde>');
	process.exit(2);
}
const { dataDir } = config();
try {
	const outcome = await restoreBackup(file, dataDir);
	console.log(
		`Sauvegarde restaurée dans ${dataDir}${outcome.takenAt ? ` (prise le ${outcome.takenAt})` : ''}.`
	);
	if (outcome.replacedDir)
		console.log(`  L'ancienne base est conservée dans ${outcome.replacedDir}`);
	console.log(`  ${outcome.filesRestored} fichier(s) déposé(s) remis en place.`);
	console.log('  Démarrez le serveur : npm start');
} catch (err) {
	if (!(err instanceof RestoreRefused)) throw err;
	console.error(`Restauration refusée, rien n'a été modifié.\n${err.message}`);
	process.exit(1);
}
