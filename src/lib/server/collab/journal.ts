/**
 * The sync hub's journal (server/sync/write-batch.ts): the file that makes an accepted update durable before anyone else sees it,
 * with one write() instead of a SQLite transaction.
 *
 * An update is appended here the moment the hub accepts it, then relayed; the write batch folds
 * the journalled updates into the SQLite log a few milliseconds later, many per transaction, and
 * empties the journal. A journal write is what a SQLite commit is with `synchronous = NORMAL` in
 * WAL mode: bytes handed to the kernel, no fsync. Both survive the process being killed at any
 * point (kill -9 included); neither survives the machine losing power before the kernel writes
 * its pages out. bench:sync measured the commit per update at most of the hub's extra CPU and a
 * quarter of a millisecond of its fan-out latency; this write costs a few microseconds.
 *
 * At start, before any document is opened, `recoverJournal` folds what a killed process left.
 * A process killed between a fold's commit and the truncation leaves updates that are already in
 * the log: folded again, they are logged twice, which Yjs and Automerge both ignore on replay (an
 * update or change already applied is a no-op) and compaction removes.
 *
 * Record: u32 body length, u32 CRC-32 of the body, body = u16 name length, name (UTF-8),
 * f64 accepted-at (UTC ms), i32 user id (-1: none), the update's bytes. A torn or damaged tail
 * (the machine stopped mid-write) ends the reading.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const JOURNAL_FILE = 'sync-journal.bin';

export interface JournalRecord {
	docName: string;
	update: Uint8Array;
	userId: number | null;
	at: number;
}

export class Journal {
	private readonly fd: number;
	/** the bytes of the whole records written: where a write cut short is cut back to */
	private size: number;
	/** set once a fold failed: what the journal holds is then kept for the next start */
	private keep = false;

	constructor(readonly file: string) {
		this.fd = fs.openSync(file, 'a');
		this.size = fs.fstatSync(this.fd).size;
	}

	/** Appends one record, synchronously; throws when the disk refuses any of it, and keeps none. */
	append(record: JournalRecord) {
		// the name is encoded in place: no Buffer of its own for every update
		const nameLength = Buffer.byteLength(record.docName, 'utf8');
		const bodyLength = 2 + nameLength + 8 + 4 + record.update.byteLength;
		const buf = Buffer.allocUnsafe(8 + bodyLength);
		buf.writeUInt32LE(bodyLength, 0);
		let at = 8;
		at = buf.writeUInt16LE(nameLength, at);
		at += buf.write(record.docName, at, nameLength, 'utf8');
		at = buf.writeDoubleLE(record.at, at);
		at = buf.writeInt32LE(record.userId ?? -1, at);
		buf.set(record.update, at);
		buf.writeUInt32LE(zlib.crc32(buf.subarray(8)), 4);
		let written: number;
		try {
			written = fs.writeSync(this.fd, buf);
		} catch (err) {
			this.cutBack();
			throw err;
		}
		if (written !== buf.length) {
			this.cutBack();
			throw new Error(`journal: the disk took ${written} of the record's ${buf.length} bytes`);
		}
		this.size += written;
	}

	/**
	 * A write the disk cut short (full, or over the process's file size limit) left part of a
	 * record: reading stops at a torn record, so every record appended after it would be lost to
	 * the next start. The file goes back to its last whole record.
	 */
	private cutBack() {
		try {
			fs.ftruncateSync(this.fd, this.size);
		} catch {
			// the write's own error is the one to report
		}
	}

	/** Everything journalled is in SQLite now: the journal starts over (unless a fold failed). */
	folded() {
		if (this.keep) return;
		fs.ftruncateSync(this.fd, 0);
		this.size = 0;
	}

	/** A fold failed: keep every record until the next start folds them. */
	keepForRecovery() {
		this.keep = true;
	}

	close() {
		fs.closeSync(this.fd);
	}
}

/** The records of a journal file, in order, up to the first torn or damaged one. */
export function readJournal(file: string): JournalRecord[] {
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw err;
	}
	const records: JournalRecord[] = [];
	let offset = 0;
	while (offset + 8 <= bytes.length) {
		const length = bytes.readUInt32LE(offset);
		const body = bytes.subarray(offset + 8, offset + 8 + length);
		if (length < 14 || body.length < length) break;
		if (zlib.crc32(body) !== bytes.readUInt32LE(offset + 4)) break;
		const nameLength = body.readUInt16LE(0);
		if (2 + nameLength + 12 > length) break;
		const docName = body.toString('utf8', 2, 2 + nameLength);
		const at = body.readDoubleLE(2 + nameLength);
		const user = body.readInt32LE(2 + nameLength + 8);
		records.push({
			docName,
			at,
			userId: user < 0 ? null : user,
			update: new Uint8Array(body.subarray(2 + nameLength + 12))
		});
		offset += 8 + length;
	}
	return records;
}

export function journalPath(dataDir: string): string {
	return path.join(dataDir, JOURNAL_FILE);
}

/*
 * The sync hub registers how to fold its journal now; a backup taken in this process calls it
 * first, so that every update relayed before the backup began is in the copy. (on globalThis:
 * the server's bundle and SvelteKit's each hold a copy of this module)
 */
const FOLD = Symbol.for('centrale.foldJournal');
type Holder = { [FOLD]?: () => void };

export function registerJournalFold(fold: () => void) {
	(globalThis as Holder)[FOLD] = fold;
}

/** Folds what the hub of this process has journalled into SQLite (nothing without a hub). */
export function foldJournalNow() {
	(globalThis as Holder)[FOLD]?.();
}
