import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { managedContracts } from '$lib/server/catalogue/backoffice';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		...managedContracts(user),
		mayAnnounce: can(user, 'announcement.publish', { centraleId: user.organisationId }),
		mayEditTemplates: can(user, 'planTemplate.edit', { centraleId: user.organisationId })
	};
};
