/**
 * Taking a backup, whoever asks (the nightly job, an admin, `npm run backup`): the uploaded files
 * added since the last backup, then a consistent copy of the live database (snapshot.ts), then any
 * file the copy points to that arrived meanwhile. Every backup is checked; one that fails is
 * recorded as such in its manifest and reported to the admins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foldJournalNow } from '../collab/journal';
import { config } from '../config';
import { now } from '../clock';
import { log } from '../log';
import { reportBackupFailure } from './report';
import { snapshotDatabase } from './snapshot';
import {
	backupName,
	copyStoredFile,
	databasePath,
	fileSha256,
	listBackups,
	lockBackupDir,
	poolDir,
	pruneBackups,
	storedFiles,
	writeManifest,
	type BackupManifest
} from './store';

export interface BackupOutcome {
	backup: BackupManifest;
	/** false when a failure could not be reported (the database itself is what failed) */
	adminsTold: boolean;
}

export async function takeBackup(trigger: BackupManifest['trigger']): Promise<BackupOutcome> {
	const { databaseFile, dataDir, backupDir } = config();
	fs.mkdirSync(backupDir, { recursive: true });
	const release = lockBackupDir(backupDir);
	foldJournalNow(); // board edits relayed before this instant are in the copy
	let manifest: BackupManifest;
	const previous = listBackups(backupDir)[0];
	try {
		manifest = await copyAndCheck(trigger, databaseFile, path.join(dataDir, 'files'), backupDir);
		// a failure that goes on (the same problem night after night) is told once, not every night
		const toldAlready =
			previous?.reported && !previous.verified && previous.problems[0] === manifest.problems[0];
		manifest.reported = !manifest.verified && (toldAlready || tellAdmins(manifest));
		writeManifest(backupDir, manifest);
		pruneBackups(backupDir);
	} finally {
		release();
	}
	log().info(
		{ backup: manifest.name, verified: manifest.verified, problems: manifest.problems },
		'backup taken'
	);
	return { backup: manifest, adminsTold: manifest.verified || manifest.reported };
}

function tellAdmins(manifest: BackupManifest): boolean {
	try {
		reportBackupFailure(manifest);
		return true;
	} catch (err) {
		// `npm run backup` opens the database to write the report: a broken one may refuse it, and
		// the next backup (the server's own, which has it open) tells the admins instead
		log().error({ err, backup: manifest.name }, 'backup failure could not be reported');
		return false;
	}
}

async function copyAndCheck(
	trigger: BackupManifest['trigger'],
	databaseFile: string,
	filesDir: string,
	backupDir: string
): Promise<BackupManifest> {
	const takenAt = now();
	const started = Date.now();
	const name = backupName(takenAt);
	const pool = poolDir(backupDir);
	const problems: string[] = [];
	let filesCopied = 0;
	// first the files already there, so that the copy's rows find them…
	for (const hash of storedFiles(filesDir))
		if ((await copyStoredFile(hash, filesDir, pool)) === 'copied') filesCopied++;
	const target = databasePath(backupDir, name);
	let files: string[] = [];
	try {
		const check = await snapshotDatabase(databaseFile, target);
		problems.push(...check.problems);
		files = check.files;
	} catch (err) {
		problems.push(`copie impossible : ${err instanceof Error ? err.message : String(err)}`);
	}
	// …then those uploaded while the database was copied
	for (const hash of files) {
		const outcome = await copyStoredFile(hash, filesDir, pool);
		if (outcome === 'copied') filesCopied++;
		if (outcome === 'missing') problems.push(`fichier déposé absent ou abîmé : ${hash}`);
	}
	const copied = fs.existsSync(target);
	return {
		name,
		takenAt: takenAt.toISOString(),
		trigger,
		databaseBytes: copied ? fs.statSync(target).size : 0,
		databaseSha256: copied ? await fileSha256(target) : '',
		files,
		filesCopied,
		durationMs: Date.now() - started,
		verified: problems.length === 0,
		problems
	};
}
