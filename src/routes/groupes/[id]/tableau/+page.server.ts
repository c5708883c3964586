import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { boardDocAccess } from '$lib/server/boards/doc-access';
import { listMembers } from '$lib/server/boards/groups';
import { contractsFedByBoard } from '$lib/server/boards/promote';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { group } = await event.parent();
	if (group.boardId == null) error(404, 'Ce groupe n’a pas de tableau.');
	const docName = `board:${group.boardId}`;
	return {
		docName,
		canWrite: boardDocAccess(user, docName) === 'write',
		fed: contractsFedByBoard(group.boardId),
		me: { id: user.id, name: user.name, organisation: user.organisationLabel },
		communes: listMembers(group.id)
			.filter((m) => m.status === 'member')
			.map((m) => ({ id: m.organisationId, name: m.name }))
	};
};
