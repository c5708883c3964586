/**
 * Documents of the catalogue on disk: DATA_DIR/files/<sha256>, content-addressed so the same file
 * uploaded twice is stored once. Only an allow-list of office formats is accepted, checked by
 * extension AND by the first bytes of the file, so a renamed executable is refused.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

interface FileType {
	mime: string;
	label: string;
	looksRight: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, prefix: number[] | string) => {
	const codes = typeof prefix === 'string' ? [...prefix].map((c) => c.charCodeAt(0)) : prefix;
	return codes.every((code, i) => bytes[i] === code);
};
/** OpenDocument files are zips whose first entry, stored uncompressed, is `mimetype` */
const openDocument = (mime: string) => (bytes: Uint8Array) =>
	startsWith(bytes, ZIP) &&
	Buffer.from(bytes.subarray(30, 38 + mime.length)).toString('latin1') === `mimetype${mime}`;
const officeOpenXml = (bytes: Uint8Array) =>
	startsWith(bytes, ZIP) && Buffer.from(bytes.subarray(0, 4096)).includes('[Content_Types].xml');
const plainText = (bytes: Uint8Array) => {
	if (bytes.includes(0)) return false;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
};

export const FILE_TYPES: Record<string, FileType> = {
	pdf: { mime: 'application/pdf', label: 'PDF', looksRight: (b) => startsWith(b, '%PDF-') },
	odt: {
		mime: 'application/vnd.oasis.opendocument.text',
		label: 'ODT',
		looksRight: openDocument('application/vnd.oasis.opendocument.text')
	},
	ods: {
		mime: 'application/vnd.oasis.opendocument.spreadsheet',
		label: 'ODS',
		looksRight: openDocument('application/vnd.oasis.opendocument.spreadsheet')
	},
	docx: {
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		label: 'DOCX',
		looksRight: officeOpenXml
	},
	xlsx: {
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		label: 'XLSX',
		looksRight: officeOpenXml
	},
	csv: { mime: 'text/csv', label: 'CSV', looksRight: plainText }
};

export const ACCEPTED_EXTENSIONS = Object.keys(FILE_TYPES)
	.map((ext) => '.' + ext)
	.join(',');

export type FileCheck = { ok: true; mime: string } | { ok: false; message: string };

/** Checks a file before anything is stored; the message is French and says what to do. */
export function checkUpload(filename: string, bytes: Uint8Array): FileCheck {
	const allowed = Object.values(FILE_TYPES)
		.map((t) => t.label)
		.join(', ');
	if (bytes.length === 0) return { ok: false, message: 'Le fichier est vide.' };
	if (bytes.length > MAX_UPLOAD_BYTES)
		return {
			ok: false,
			message: `Le fichier dépasse la taille maximale de ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo.`
		};
	const ext = path.extname(filename).slice(1).toLowerCase();
	const type = FILE_TYPES[ext];
	if (!type)
		return {
			ok: false,
			message: `Ce type de fichier n'est pas accepté. Formats acceptés : ${allowed}.`
		};
	if (!type.looksRight(bytes))
		return {
			ok: false,
			message: `Le contenu du fichier ne correspond pas à un fichier ${type.label} : vérifiez le document et réessayez.`
		};
	return { ok: true, mime: type.mime };
}

export function filesDir() {
	return path.join(config().dataDir, 'files');
}

export function sha256Hex(bytes: Uint8Array) {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Writes the bytes under their SHA-256 (atomically, once) and returns the hash. */
export function storeFile(bytes: Uint8Array): string {
	const hash = sha256Hex(bytes);
	const dir = filesDir();
	fs.mkdirSync(dir, { recursive: true });
	const target = path.join(dir, hash);
	if (!fs.existsSync(target)) {
		const temp = `${target}.${process.pid}.tmp`;
		fs.writeFileSync(temp, bytes);
		fs.renameSync(temp, target);
	}
	return hash;
}

export function readStoredFile(hash: string): Buffer | null {
	if (!/^[0-9a-f]{64}$/.test(hash)) return null;
	try {
		return fs.readFileSync(path.join(filesDir(), hash));
	} catch {
		return null;
	}
}

/** Deletes a stored file; the caller has checked that no document row points at it any more. */
export function removeStoredFile(hash: string) {
	if (!/^[0-9a-f]{64}$/.test(hash)) return;
	fs.rmSync(path.join(filesDir(), hash), { force: true });
}
