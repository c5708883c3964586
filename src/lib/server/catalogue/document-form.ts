/** The forms of a contract's documents: upload one, delete one, change who may read it. */
import { z } from 'zod';
import { isDocumentKind } from '../../domain/catalogue/labels';
import { fields, type FieldErrors, type Parsed } from '../forms';
import type { UploadInput } from './documents';

/**
 * An upload is multipart: the file never reaches a zod schema (parseForm keeps strings only), so
 * the three fields are checked here, with the same French messages and echo as the other forms.
 */
export function parseDocumentUpload(form: FormData): Parsed<UploadInput> {
	const file = form.get('file');
	const kind = String(form.get('kind') ?? '');
	const title = String(form.get('title') ?? '')
		.trim()
		.slice(0, 200);
	const errors: FieldErrors = {};
	if (!(file instanceof File) || file.size === 0) errors.file = 'Choisissez un fichier.';
	if (!isDocumentKind(kind)) errors.kind = 'Choisissez le type de document.';
	if (!title) errors.title = 'Indiquez le titre du document.';
	if (Object.keys(errors).length || !(file instanceof File))
		return { ok: false, errors, fields: { title, kind } };
	return { ok: true, data: { kind, title, isPublic: form.get('isPublic') === '1', file } };
}

export const documentDeleteSchema = z.object({
	documentId: fields.id,
	confirm: fields.deletionConfirmed
});

export const documentVisibilitySchema = z.object({
	documentId: fields.id,
	isPublic: z
		.enum(['0', '1'], { error: 'Choisissez qui peut voir le document.' })
		.transform((v) => v === '1')
});
