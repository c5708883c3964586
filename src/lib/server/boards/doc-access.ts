/**
 * What a user may do with a board's Yjs document (`board:<id>`), for the sync hub: the rights
 * are the board's working group's, decided by `can()`.
 */
import { and, eq, sql } from 'drizzle-orm';
import { can, type Actor, type BoardRef } from '../../domain/permissions';
import { preparedQueries } from '../db/prepared';
import { boards, groupMembers, workingGroups } from '../db/schema';

export type DocAccess = 'write' | 'read' | 'none' | 'missing';

// prepared once per connection: every board socket resolves its rights here (see prepared.ts)
const statements = preparedQueries((db) => ({
	group: db
		.select({
			groupId: workingGroups.id,
			centraleId: workingGroups.centraleId,
			visibility: workingGroups.visibility,
			phase: workingGroups.phase
		})
		.from(boards)
		.innerJoin(workingGroups, eq(boards.groupId, workingGroups.id))
		.where(eq(boards.id, sql.placeholder('boardId')))
		.prepare(),
	members: db
		.select({ organisationId: groupMembers.organisationId })
		.from(groupMembers)
		.where(
			and(eq(groupMembers.groupId, sql.placeholder('groupId')), eq(groupMembers.status, 'member'))
		)
		.prepare()
}));

/** The board's group as `can()` sees it, or null when there is no such board. */
export function boardRef(boardId: number): BoardRef | null {
	const s = statements();
	const group = s.group.get({ boardId });
	if (!group) return null;
	const members = s.members.all({ groupId: group.groupId });
	return { ...group, memberOrganisationIds: members.map((m) => m.organisationId) };
}

/** 'missing' when the name is not a board's, or the board does not exist. */
export function boardDocAccess(user: Actor, docName: string): DocAccess {
	const match = /^board:([1-9][0-9]{0,15})$/.exec(docName);
	if (!match) return 'missing';
	const ref = boardRef(Number(match[1]));
	if (!ref) return 'missing';
	if (can(user, 'board.edit', ref)) return 'write';
	return can(user, 'board.view', ref) ? 'read' : 'none';
}
