import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { docxResponse } from '$lib/server/plan/document-routes';
import { regenerateDocument } from '$lib/server/plan/documents';
import type { RequestHandler } from './$types';

/** A recorded generation again, identical: same template version, same values. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const kind = user.organisationKind as OrganisationKind;
	ensure(can(user, 'plan.view', { organisationId: user.organisationId, kind }));
	const id = Number(event.params.documentId);
	const file = Number.isSafeInteger(id) ? await regenerateDocument(user.organisationId, id) : null;
	if (!file) error(404, 'Ce document est introuvable.');
	return docxResponse(file.buffer, file.filename);
};
