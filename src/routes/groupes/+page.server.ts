import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { groupRef, listGroups } from '$lib/server/boards/groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const groups = listGroups(user.organisationId)
		.filter((g) => can(user, 'group.view', groupRef(g, g.memberStatus)))
		.map((g) => ({
			id: g.id,
			title: g.title,
			theme: g.theme,
			description: g.description,
			visibility: g.visibility,
			phase: g.phase,
			centraleName: g.centraleName,
			memberStatus: g.memberStatus,
			memberCount: g.memberCount
		}));
	return { groups, canCreate: can(user, 'group.create') };
};
