import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { templateListPage } from '$lib/server/plan/template-editor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	ensure(can(requireUser(event), 'planTemplate.edit'));
	return templateListPage();
};
