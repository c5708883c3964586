import { error, json } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { boardDocAccess } from '$lib/server/boards/doc-access';
import { groupRef, listGroups } from '$lib/server/boards/groups';
import type { RequestHandler } from './$types';

/** The boards the logged-in user can see, with the Yjs document to open and the right to write. */
export const GET: RequestHandler = ({ locals }) => {
	const user = locals.user;
	if (!user) error(401, 'Connectez-vous pour voir les tableaux.');
	const boards = listGroups(user.organisationId)
		.filter((g) => g.boardId != null && can(user, 'group.view', groupRef(g, g.memberStatus)))
		.map((g) => {
			const document = `board:${g.boardId}`;
			return {
				id: g.boardId!,
				title: g.title,
				group: { id: g.id, title: g.title, theme: g.theme, visibility: g.visibility },
				phase: g.phase,
				document,
				canWrite: boardDocAccess(user, document) === 'write'
			};
		});
	return json({ boards });
};
