import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { brusselsToday, now } from '$lib/server/clock';
import { generateDocument } from '$lib/server/plan/documents';
import { documentKindOf, docxResponse } from '$lib/server/plan/document-routes';
import type { RequestHandler } from './$types';

/** A generated .docx of one of the commune's intentions; each download is recorded. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const kind = user.organisationKind as OrganisationKind;
	ensure(can(user, 'plan.view', { organisationId: user.organisationId, kind }));
	const documentKind = documentKindOf(event.params.document);
	const id = Number(event.params.id);
	if (!documentKind || !Number.isSafeInteger(id)) error(404, 'Ce document est introuvable.');
	const file = await generateDocument(
		user.organisationId,
		id,
		documentKind,
		user.id,
		brusselsToday(),
		now()
	);
	if (!file) error(404, 'Cette intention n’est pas dans votre plan.');
	return docxResponse(file.buffer, file.filename);
};
