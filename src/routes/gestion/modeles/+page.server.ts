import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { templateListPage } from '$lib/server/plan/template-editor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// a buyer edits their own centrale's templates
	ensure(can(user, 'planTemplate.edit', { centraleId: user.organisationId }));
	return { centraleName: user.organisationName, ...templateListPage(user.organisationId) };
};
