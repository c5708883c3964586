import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { brusselsToday } from '$lib/server/clock';
import { documentKindOf } from '$lib/server/plan/document-routes';
import { documentPreview } from '$lib/server/plan/documents';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const kind = user.organisationKind as OrganisationKind;
	ensure(can(user, 'plan.view', { organisationId: user.organisationId, kind }));
	const documentKind = documentKindOf(event.params.document);
	const id = Number(event.params.id);
	if (!documentKind || !Number.isSafeInteger(id)) error(404, 'Ce document est introuvable.');
	const preview = documentPreview(user.organisationId, id, documentKind, brusselsToday());
	if (!preview) error(404, 'Cette intention n’est pas dans votre plan.');
	return { ...preview, id, slug: event.params.document };
};
