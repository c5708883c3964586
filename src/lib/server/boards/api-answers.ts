/** What the boards' JSON API answers: the boards a user can see, as a client needs to open them. */
import { can, type Actor } from '../../domain/permissions';
import { boardDocAccess } from './doc-access';
import { groupRef, listGroups } from './groups';

/** GET /api/v1/boards: each board with the Yjs document to open and whether the user may write. */
export function boardListAnswer(user: Actor) {
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
	return { boards };
}
