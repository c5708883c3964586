/** The management page's actions on documents: upload, delete, change who may read one. */
import {
	documentDeleteSchema,
	documentVisibilitySchema,
	parseDocumentUpload
} from '$lib/server/catalogue/document-form';
import {
	deleteDocument,
	setDocumentVisibility,
	uploadDocument
} from '$lib/server/catalogue/documents';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions } from './$types';
import { done, managed } from './managed';

export const documentActions = {
	document: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseDocumentUpload(await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'document' });
		const { title, kind } = parsed.data;
		const outcome = await uploadDocument(contract, parsed.data, user.id);
		if (!outcome.ok)
			return invalid(400, { file: outcome.message }, { title, kind }, { action: 'document' });
		return done('document', `Document « ${title} » déposé.`);
	},
	documentSuppr: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(documentDeleteSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'documentSuppr' });
		const outcome = deleteDocument(contract, parsed.data.documentId, user.id);
		if (!outcome.ok)
			return invalid(404, { form: outcome.message }, parsed.data, { action: 'documentSuppr' });
		return done('documentSuppr', `Document « ${outcome.value.title} » supprimé.`);
	},
	documentVisibilite: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(documentVisibilitySchema, await event.request.formData());
		if (!parsed.ok)
			return invalid(400, parsed.errors, parsed.fields, { action: 'documentVisibilite' });
		const { documentId, isPublic } = parsed.data;
		const outcome = setDocumentVisibility(contract, documentId, isPublic, user.id);
		if (!outcome.ok)
			return invalid(
				404,
				{ form: outcome.message },
				{ documentId },
				{
					action: 'documentVisibilite'
				}
			);
		const shown = isPublic ? 'public, visible par tous' : 'réservé aux membres';
		return done('documentVisibilite', `Document « ${outcome.value} » : ${shown}.`);
	}
} satisfies Actions;
