import { getDb } from '$lib/server/db/client';
import { isDemoDatabase } from '$lib/server/db/seed/state';
import { unreadCount } from '$lib/server/relay/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		user: user && {
			id: user.id,
			name: user.name,
			email: user.email,
			role: user.role,
			organisationId: user.organisationId,
			organisationName: user.organisationName,
			organisationLabel: user.organisationLabel,
			organisationSlug: user.organisationSlug,
			organisationKind: user.organisationKind,
			unreadNotifications: unreadCount(user.id)
		},
		demo: isDemoDatabase(getDb())
	};
};
