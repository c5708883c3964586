/**
 * Contract documents: upload (checked, stored by SHA-256, recorded, audited) and download with the
 * right headers. A members-only document answers 404 to anyone else, as if it did not exist.
 */
import { isDocumentKind } from '../../domain/catalogue/labels';
import { can } from '../../domain/permissions';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db/client';
import type { Outcome } from './commitments';
import type { ContractRow } from './contract';
import { checkUpload, readStoredFile, storeFile } from './files';
import { isMember } from './membership';

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
		audit(
			{
				actorId,
				action: 'contract.document.upload',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { documentId: id, sha256: sha, size: bytes.length, filename: input.file.name }
			},
			now
		);
		return { ok: true as const, value: id };
	});
}
