/**
 * The signed PDF of a recorded decision: checked like every upload (size, extension and first
 * bytes, catalogue/files.ts), stored once by its SHA-256 under DATA_DIR/files, then served to the
 * commune's members and, for an adhesion deliberation, to the buyers of the centrale concerned.
 */
import { eq } from 'drizzle-orm';
import type { DecisionKind } from '../../domain/plan/decisions';
import { can } from '../../domain/permissions';
import type { OrganisationKind } from '../../domain/roles';
import type { SessionUser } from '../auth/session';
import { checkUpload, FILE_TYPES, readStoredFile } from '../catalogue/files';
import { getDb } from '../db/client';
import { organisations, planDecisions } from '../db/schema';

/** the kinds the centrale keeps on file: adhesion to the centrale, adhesion to the contract */
export const ADHESION_KINDS: readonly DecisionKind[] = ['centraleMembership', 'contractAdhesion'];

export interface SignedPdf {
	name: string;
	bytes: Uint8Array;
}

export type PdfCheck = { ok: true; pdf: SignedPdf | null } | { ok: false; message: string };

/**
 * The optional signed PDF of a form: none when no file was chosen (a browser sends an empty
 * part), refused with a French message when it is not a PDF. Nothing is stored here.
 */
export async function readSignedPdf(value: FormDataEntryValue | null): Promise<PdfCheck> {
	if (!(value instanceof File) || (value.size === 0 && value.name === ''))
		return { ok: true, pdf: null };
	const bytes = new Uint8Array(await value.arrayBuffer());
	const check = checkUpload(value.name, bytes);
	if (!check.ok) return { ok: false, message: check.message };
	if (check.mime !== FILE_TYPES.pdf.mime)
		return {
			ok: false,
			message: 'Le document signé doit être un fichier PDF (le scan de la délibération signée).'
		};
	return { ok: true, pdf: { name: value.name.slice(0, 200), bytes } };
}

/** The signed PDF of a decision for whoever may read it; null (404) otherwise. */
export function serveDecisionPdf(id: number, user: SessionUser): Response | null {
	if (!Number.isSafeInteger(id)) return null;
	const row = getDb()
		.select({
			organisationId: planDecisions.organisationId,
			kind: planDecisions.kind,
			centraleId: planDecisions.centraleId,
			sha256: planDecisions.fileSha256,
			fileName: planDecisions.fileName,
			organisationKind: organisations.kind
		})
		.from(planDecisions)
		.innerJoin(organisations, eq(organisations.id, planDecisions.organisationId))
		.where(eq(planDecisions.id, id))
		.get();
	if (!row?.sha256) return null;
	const allowed = can(user, 'plan.readDecisionFile', {
		organisationId: row.organisationId,
		kind: row.organisationKind as OrganisationKind,
		centraleId: row.centraleId,
		adhesion: ADHESION_KINDS.includes(row.kind)
	});
	if (!allowed) return null;
	const bytes = readStoredFile(row.sha256);
	if (!bytes) return null;
	const name = row.fileName ?? `decision-${id}.pdf`;
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': FILE_TYPES.pdf.mime,
			'content-length': String(bytes.length),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
