import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { centraleAnnouncementsPage } from '$lib/server/relay/announcement-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	ensure(can(user, 'announcement.publish', { centraleId: user.organisationId }));
	return centraleAnnouncementsPage(user);
};
