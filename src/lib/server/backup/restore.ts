/**
 * Restoring a backup into a data folder whose server is stopped: the copy is checked again (its
 * SHA-256 against the manifest, integrity and foreign keys), the database it replaces is kept
 * aside in DATA_DIR/replaced-<instant>/, and the uploaded files it needs are put back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JOURNAL_FILE } from '../collab/journal';
import { now } from '../clock';
import { runningServer, serverMarkPath } from './server-mark';
import { checkDatabaseCopy } from './snapshot';
import { copyStoredFile, fileSha256, poolDir, readManifest } from './store';

/** A restore that did not touch anything, with why (French, then English, for operators). */
export class RestoreRefused extends Error {}

export interface RestoreOutcome {
	takenAt: string | null;
	/** where the replaced database went, null when the folder had none */
	replacedDir: string | null;
	filesRestored: number;
}

const DATABASE = 'centrale.sqlite';

export async function restoreBackup(file: string, dataDir: string): Promise<RestoreOutcome> {
	const source = path.resolve(file.replace(/\.json$/, '.sqlite'));
	if (!fs.existsSync(source))
		throw new RestoreRefused(`Sauvegarde introuvable / backup not found: ${source}`);
	refuseWhileServed(dataDir);
	const manifest = readManifest(source);
	if (manifest && !manifest.verified)
		throw new RestoreRefused(
			`Cette sauvegarde n'a pas passé sa vérification / this backup failed its checks: ${manifest.problems.join('; ')}`
		);
	if (manifest && (await fileSha256(source)) !== manifest.databaseSha256)
		throw new RestoreRefused(
			'Le fichier a changé depuis sa vérification (SHA-256 différent) / the file changed since it was checked'
		);
	const check = await checkDatabaseCopy(source);
	if (check.problems.length)
		throw new RestoreRefused(
			`La sauvegarde est abîmée / the backup is damaged: ${check.problems.join('; ')}`
		);
	const pool = poolDir(path.dirname(source));
	const missing = check.files.filter((hash) => !fs.existsSync(path.join(pool, hash)));
	if (missing.length)
		throw new RestoreRefused(
			`${missing.length} fichier(s) déposé(s) manquent dans ${pool} / uploaded files missing: ${missing.slice(0, 3).join(', ')}`
		);
	refuseWhileServed(dataDir); // the checks took a while: still nobody?

	fs.mkdirSync(dataDir, { recursive: true });
	const replacedDir = setAside(dataDir);
	const target = path.join(dataDir, DATABASE);
	fs.copyFileSync(source, `${target}.restoring`);
	fs.renameSync(`${target}.restoring`, target);
	const filesDir = path.join(dataDir, 'files');
	let filesRestored = 0;
	for (const hash of check.files)
		if ((await copyStoredFile(hash, pool, filesDir)) === 'copied') filesRestored++;
	return { takenAt: manifest?.takenAt ?? null, replacedDir, filesRestored };
}

function refuseWhileServed(dataDir: string) {
	const pid = runningServer(dataDir);
	if (pid === null) return;
	throw new RestoreRefused(
		`Le serveur Centrale tourne sur ce dossier de données (processus ${pid}) : arrêtez-le avant de restaurer.\n` +
			`The Centrale server is running on this DATA_DIR (pid ${pid}): stop it before restoring.\n` +
			`(${serverMarkPath(dataDir)})`
	);
}

/**
 * Moves the current database aside, with its WAL (which may hold committed pages) and the sync
 * hub's journal (updates of that database not yet folded into it: replayed into the restored one
 * at the next start, they would bring back part of what the restore undoes).
 */
function setAside(dataDir: string): string | null {
	const present = [DATABASE, `${DATABASE}-wal`, `${DATABASE}-shm`, JOURNAL_FILE].filter((name) =>
		fs.existsSync(path.join(dataDir, name))
	);
	if (!present.length) return null;
	const dir = path.join(dataDir, `replaced-${now().toISOString().replace(/[:.]/g, '-')}`);
	fs.mkdirSync(dir);
	for (const name of present) fs.renameSync(path.join(dataDir, name), path.join(dir, name));
	return dir;
}
