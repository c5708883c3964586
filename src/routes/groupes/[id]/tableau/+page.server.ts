import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { boardPage } from '$lib/server/boards/group-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { group } = await event.parent();
	if (group.boardId == null) error(404, 'Ce groupe n’a pas de tableau.');
	return boardPage({ id: group.id, boardId: group.boardId }, user);
};
