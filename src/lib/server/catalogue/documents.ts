/**
 * Contract documents: upload (checked, stored by SHA-256, recorded, audited) and download with the
 * right headers. A members-only document answers 404 to anyone else, as if it did not exist.
 */
import { and, count, eq } from 'drizzle-orm';
import { isDocumentKind } from '../../domain/catalogue/labels';
import { shouldRemoveStoredFile } from '../../domain/catalogue/structure-rules';
import { can } from '../../domain/permissions';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db/client';
import { contractDocuments, contracts, planDecisions } from '../db/schema';
import type { Outcome } from './commitments';
import type { ContractRow } from './contract';
import { checkUpload, readStoredFile, removeStoredFile, storeFile } from './files';
import { isMember } from './membership';
import { bumpContractVersion } from './version';
import { now as clockNow } from '../clock';

export function serveDocument(
	reference: string,
	id: number,
	user: SessionUser | null
): Response | null {
	if (!Number.isSafeInteger(id)) return null;
	const doc = getDb()
		.select({
			sha256: contractDocuments.sha256,
			mime: contractDocuments.mime,
			filename: contractDocuments.originalFilename,
			isPublic: contractDocuments.isPublic
		})
		.from(contractDocuments)
		.innerJoin(contracts, eq(contracts.id, contractDocuments.contractId))
		.where(and(eq(contractDocuments.id, id), eq(contracts.reference, reference)))
		.get();
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
	now = clockNow()
): Promise<Outcome<number>> {
	if (!isDocumentKind(input.kind)) return { ok: false, message: 'Choisissez le type de document.' };
	const bytes = new Uint8Array(await input.file.arrayBuffer());
	const check = checkUpload(input.file.name, bytes);
	if (!check.ok) return { ok: false, message: check.message };
	const db = getDb();
	const sha = storeFile(bytes);
	return db.transaction(() => {
		const { id } = db
			.insert(contractDocuments)
			.values({
				contractId: contract.id,
				kind: input.kind,
				title: input.title,
				isPublic: input.isPublic,
				sha256: sha,
				size: bytes.length,
				mime: check.mime,
				originalFilename: input.file.name.slice(0, 200),
				uploadedBy: actorId,
				createdAt: now
			})
			.returning({ id: contractDocuments.id })
			.get();
		bumpContractVersion(contract.id, now);
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
		.select({
			title: contractDocuments.title,
			sha256: contractDocuments.sha256,
			isPublic: contractDocuments.isPublic
		})
		.from(contractDocuments)
		.where(and(eq(contractDocuments.id, documentId), eq(contractDocuments.contractId, contract.id)))
		.get();
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
	now = clockNow()
): Outcome<{ title: string; fileRemoved: boolean }> {
	const doc = contractDocument(contract, documentId);
	if (!doc) return NO_DOCUMENT;
	const db = getDb();
	const fileRemoved = db.transaction(() => {
		db.delete(contractDocuments).where(eq(contractDocuments.id, documentId)).run();
		const { n } = db
			.select({ n: count() })
			.from(contractDocuments)
			.where(eq(contractDocuments.sha256, doc.sha256))
			.get()!;
		// a commune's signed decision may be the very same PDF: its file stays then
		const { n: decisions } = db
			.select({ n: count() })
			.from(planDecisions)
			.where(eq(planDecisions.fileSha256, doc.sha256))
			.get()!;
		bumpContractVersion(contract.id, now);
		const remove = shouldRemoveStoredFile(n + decisions);
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
	now = clockNow()
): Outcome<string> {
	const doc = contractDocument(contract, documentId);
	if (!doc) return NO_DOCUMENT;
	if (doc.isPublic === isPublic) return { ok: true, value: doc.title };
	const db = getDb();
	db.transaction(() => {
		db.update(contractDocuments)
			.set({ isPublic })
			.where(eq(contractDocuments.id, documentId))
			.run();
		bumpContractVersion(contract.id, now);
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
