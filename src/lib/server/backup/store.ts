/**
 * The backup folder (BACKUP_DIR, by default DATA_DIR/backups):
 *
 *     centrale-2027-01-15T01-30-00-000Z.sqlite   the database as it was, a single file
 *     centrale-2027-01-15T01-30-00-000Z.json     its manifest: when, checks, files it needs
 *     files/<sha256>                             uploaded documents, shared by every backup
 *
 * Uploaded files are content-addressed (DATA_DIR/files/<sha256>) and never change, so each is
 * copied once: a backup copies only the files added since the previous one. A file leaves the
 * folder when no kept backup needs it any more.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep } from '../../domain/backup-retention';

export interface BackupManifest {
	name: string;
	/** ISO instant the backup was asked for: everything committed before it is in the copy */
	takenAt: string;
	trigger: 'schedule' | 'page' | 'cli';
	databaseBytes: number;
	/** SHA-256 of the database copy, checked again before a restore */
	databaseSha256: string;
	/** the uploaded files the copy's rows point to */
	files: string[];
	/** how many of them this backup copied (the others were already there) */
	filesCopied: number;
	durationMs: number;
	verified: boolean;
	/** why it is not verified, empty when it is */
	problems: string[];
	/** a failure was reported to the admins (false when the report itself failed) */
	reported?: boolean;
}

const NAME = /^centrale-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/;
const HASH = /^[0-9a-f]{64}$/;

export function backupName(takenAt: Date): string {
	return 'centrale-' + takenAt.toISOString().replace(/[:.]/g, '-');
}

export const databasePath = (dir: string, name: string) => path.join(dir, `${name}.sqlite`);
const manifestPath = (dir: string, name: string) => path.join(dir, `${name}.json`);
export const poolDir = (dir: string) => path.join(dir, 'files');

export function writeManifest(dir: string, manifest: BackupManifest) {
	const target = manifestPath(dir, manifest.name);
	fs.writeFileSync(`${target}.tmp`, JSON.stringify(manifest, null, '\t'));
	fs.renameSync(`${target}.tmp`, target);
}

/** The manifest of the backup whose database copy is `file`, or null when it has none. */
export function readManifest(file: string): BackupManifest | null {
	try {
		return JSON.parse(fs.readFileSync(file.replace(/\.sqlite$/, '.json'), 'utf8'));
	} catch {
		return null;
	}
}

/**
 * Every backup in `dir`, newest first. A copy without a manifest was interrupted (the process
 * stopped mid-way): it is listed as not verified, so that it is neither trusted nor kept.
 */
export function listBackups(dir: string): BackupManifest[] {
	let entries: string[];
	try {
		entries = fs.readdirSync(dir);
	} catch {
		return [];
	}
	const names = entries.filter((e) => e.endsWith('.sqlite')).map((e) => e.slice(0, -7));
	return names
		.filter((name) => NAME.test(name))
		.map((name) => readManifest(databasePath(dir, name)) ?? interrupted(dir, name))
		.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

function interrupted(dir: string, name: string): BackupManifest {
	const iso = name
		.slice('centrale-'.length)
		.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
	return {
		name,
		takenAt: iso,
		trigger: 'schedule',
		databaseBytes: fs.statSync(databasePath(dir, name)).size,
		databaseSha256: '',
		files: [],
		filesCopied: 0,
		durationMs: 0,
		verified: false,
		problems: ['sauvegarde interrompue avant sa vérification']
	};
}

/** streamed, so that hashing a large database neither fills memory nor holds the event loop */
export async function fileSha256(file: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/**
 * Copies `hash` from `from` into `to` unless it is there already; the copy is checked against its
 * name, so a damaged source is not passed on as a good backup. Returns 'copied', 'present' or
 * 'missing' (absent or damaged at the source).
 */
export async function copyStoredFile(
	hash: string,
	from: string,
	to: string
): Promise<'copied' | 'present' | 'missing'> {
	if (!HASH.test(hash)) return 'missing';
	const target = path.join(to, hash);
	if (fs.existsSync(target)) return 'present';
	const source = path.join(from, hash);
	if (!fs.existsSync(source)) return 'missing';
	fs.mkdirSync(to, { recursive: true });
	const temp = `${target}.${process.pid}.tmp`;
	await fs.promises.copyFile(source, temp);
	if ((await fileSha256(temp)) !== hash) {
		await fs.promises.rm(temp, { force: true });
		return 'missing';
	}
	await fs.promises.rename(temp, target);
	return 'copied';
}

/** The stored files of a folder like DATA_DIR/files (names that are SHA-256 digests). */
export function storedFiles(dir: string): string[] {
	try {
		return fs.readdirSync(dir).filter((name) => HASH.test(name));
	} catch {
		return [];
	}
}

/** Deletes the backups the retention rule lets go, then the files no kept backup needs. */
export function pruneBackups(dir: string): string[] {
	const all = listBackups(dir);
	const keep = backupsToKeep(
		all.map((b) => ({ name: b.name, takenAt: new Date(b.takenAt), verified: b.verified }))
	);
	const removed: string[] = [];
	for (const backup of all) {
		if (keep.has(backup.name)) continue;
		fs.rmSync(databasePath(dir, backup.name), { force: true });
		fs.rmSync(manifestPath(dir, backup.name), { force: true });
		removed.push(backup.name);
	}
	const needed = new Set(all.filter((b) => keep.has(b.name)).flatMap((b) => b.files));
	for (const hash of storedFiles(poolDir(dir)))
		if (!needed.has(hash)) fs.rmSync(path.join(poolDir(dir), hash), { force: true });
	return removed;
}

export class BackupBusy extends Error {}

/**
 * One backup at a time per folder, across processes (the server's job, `npm run backup`, an
 * admin's button): a lock file created exclusively, naming its process. A lock left by a process
 * that no longer runs is taken over.
 */
export function lockBackupDir(dir: string): () => void {
	const lock = path.join(dir, '.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			return () => fs.rmSync(lock, { force: true });
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			const holder = Number(fs.readFileSync(lock, 'utf8'));
			if (processIsAlive(holder)) break;
			fs.rmSync(lock, { force: true });
		}
	}
	throw new BackupBusy('a backup is already running');
}

/** true when a process with this id runs (or exists but belongs to someone else) */
export function processIsAlive(pid: number): boolean {
	if (!Number.isSafeInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}
