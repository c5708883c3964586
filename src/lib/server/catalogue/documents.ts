/**
 * Contract documents: upload (checked, stored by SHA-256, recorded, audited) and download with the
 * right headers. A members-only document answers 404 to anyone else, as if it did not exist.
 */
import { isDocumentKind } from '../../domain/catalogue/labels';
import { shouldRemoveStoredFile } from '../../domain/catalogue/structure-rules';
import { can } from '../../domain/permissions';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db/client';
import type { Outcome } from './commitments';
import type { ContractRow } from './contract';
import { checkUpload, readStoredFile, removeStoredFile, storeFile } from './files';
import { isMember } from './membership';
import { bumpContractVersion } from './version';

export function serveDocument(
	reference: string,
	id: number,
	user: SessionUser | null
): Response | null {
	if (!Number.isSafeInteger(id)) return null;
	const doc = getDb()
		.$client.prepare(
			`select d.sha256, d.mime, d.original_filename as filename, d.is_public as isPublic
			 from contract_documents d join contracts c on c.id = d.contract_id
			 where d.id = ? and c.reference = ?`
		)
		.get(id, reference) as
		{ sha256: string; mime: string; filename: string; isPublic: number } | undefined;
	if (!doc) return null;
	if (
		!doc.isPublic &&
		!can(user, 'catalogue.viewMembersDocuments', {
			isMember: !!user && isMember(user.organisationId)
		})
	)
		return null;
	const bytes = readStoredFile(doc.sha256);
	if (!bytes) return null;
	const ascii = doc.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': doc.mime,
			'content-length': String(bytes.length),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
			'cache-control': doc.isPublic ? 'public, max-age=3600' : 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

export interface UploadInput {
	kind: string;
	title: string;
	isPublic: boolean;
	file: File;
}

/** Checks then stores an uploaded document; on refusal nothing is written. */
export async function uploadDocument(
	contract: ContractRow,
	input: UploadInput,
	actorId: number,
	now = new Date()
): Promise<Outcome<number>> {
	if (!isDocumentKind(input.kind)) return { ok: false, message: 'Choisissez le type de document.' };
	const bytes = new Uint8Array(await input.file.arrayBuffer());
	const check = checkUpload(input.file.name, bytes);
	if (!check.ok) return { ok: false, message: check.message };
	const db = getDb();
	const sha = storeFile(bytes);
	return db.transaction(() => {
		const id = db.$client
			.prepare(
				`insert into contract_documents (contract_id, kind, title, is_public, sha256, size, mime, original_filename, uploaded_by, created_at)
				 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
			)
			.run(
				contract.id,
				input.kind,
				input.title,
				input.isPublic ? 1 : 0,
				sha,
				bytes.length,
				check.mime,
				input.file.name.slice(0, 200),
				actorId,
				now.getTime()
			).lastInsertRowid as number;
		bumpContractVersion(db.$client, contract.id, now);
		audit(
			{
				actorId,
				action: 'contract.document.upload',
				subjectType: 'contract',
				subjectId: contract.id,
				details: {
					documentId: id,
					sha256: sha,
					size: bytes.length,
					filename: input.file.name,
					fromVersion: contract.version
				}
			},
			now
		);
		return { ok: true as const, value: id };
	});
}

function contractDocument(contract: ContractRow, documentId: number) {
	return getDb()
		.$client.prepare(
			'select title, sha256, is_public as isPublic from contract_documents where id = ? and contract_id = ?'
		)
		.get(documentId, contract.id) as
		{ title: string; sha256: string; isPublic: number } | undefined;
}

const NO_DOCUMENT = { ok: false as const, message: 'Ce document est introuvable dans ce marché.' };

/**
 * Removes a document; its file leaves DATA_DIR only when no other document row (this contract's
 * or another's, a relaunch copies them) names the same SHA-256. Returns the document's title.
 */
export function deleteDocument(
	contract: ContractRow,
	documentId: number,
	actorId: number,
	now = new Date()
): Outcome<{ title: string; fileRemoved: boolean }> {
	const doc = contractDocument(contract, documentId);
	if (!doc) return NO_DOCUMENT;
	const db = getDb();
	const fileRemoved = db.transaction(() => {
		db.$client.prepare('delete from contract_documents where id = ?').run(documentId);
		const { n } = db.$client
			.prepare('select count(*) as n from contract_documents where sha256 = ?')
			.get(doc.sha256) as { n: number };
		bumpContractVersion(db.$client, contract.id, now);
		const remove = shouldRemoveStoredFile(n);
		audit(
			{
				actorId,
				action: 'contract.document.delete',
				subjectType: 'contract',
				subjectId: contract.id,
				details: {
					documentId,
					title: doc.title,
					sha256: doc.sha256,
					fileRemoved: remove,
					fromVersion: contract.version
				}
			},
			now
		);
		return remove;
	});
	// after the commit: a rolled-back deletion must still find its file
	if (fileRemoved) removeStoredFile(doc.sha256);
	return { ok: true, value: { title: doc.title, fileRemoved } };
}

/** Public (anyone) or members-only (communes members of a centrale). */
export function setDocumentVisibility(
	contract: ContractRow,
	documentId: number,
	isPublic: boolean,
	actorId: number,
	now = new Date()
): Outcome<string> {
	const doc = contractDocument(contract, documentId);
	if (!doc) return NO_DOCUMENT;
	if (!!doc.isPublic === isPublic) return { ok: true, value: doc.title };
	const db = getDb();
	db.transaction(() => {
		db.$client
			.prepare('update contract_documents set is_public = ? where id = ?')
			.run(isPublic ? 1 : 0, documentId);
		bumpContractVersion(db.$client, contract.id, now);
		audit(
			{
				actorId,
				action: 'contract.document.visibility',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { documentId, title: doc.title, isPublic, fromVersion: contract.version }
			},
			now
		);
	});
	return { ok: true, value: doc.title };
}
