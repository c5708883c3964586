/** boardRef on a real temp database: the group as can() sees it, and only accepted members. */
import { beforeAll, describe, expect, it } from 'vitest';
import { boardDocAccess, boardRef } from '../../src/lib/server/boards/doc-access';
import { getDb } from '../../src/lib/server/db/client';
import { boards, groupMembers, organisations, workingGroups } from '../../src/lib/server/db/schema';
import { useTempDatabase } from '../support/temp-db';

const org: Record<string, number> = {};

useTempDatabase('board-ref');

beforeAll(() => {
	for (const [slug, kind] of [
		['igretec', 'intercommunale'],
		['member', 'commune'],
		['requested', 'commune'],
		['refused', 'commune']
	] as const) {
		org[slug] = getDb()
			.insert(organisations)
			.values({ kind, name: slug, searchName: slug, slug })
			.returning({ id: organisations.id })
			.get().id;
	}
});

function newBoard(visibility: 'open' | 'members', phase: 'collecting' | 'phasing') {
	const db = getDb();
	const groupId = db
		.insert(workingGroups)
		.values({ title: 'Groupe', theme: 'test', visibility, centraleId: org.igretec, phase })
		.returning({ id: workingGroups.id })
		.get().id;
	const at = new Date();
	for (const status of ['member', 'requested', 'refused'] as const)
		db.insert(groupMembers).values({ groupId, organisationId: org[status], status, at }).run();
	const boardId = db
		.insert(boards)
		.values({ groupId, title: 'Tableau' })
		.returning({ id: boards.id })
		.get().id;
	return { groupId, boardId };
}

describe('boardRef', () => {
	it("is the board's group with its accepted members only", () => {
		const first = newBoard('members', 'collecting');
		const second = newBoard('open', 'phasing');
		expect(boardRef(first.boardId)).toEqual({
			groupId: first.groupId,
			centraleId: org.igretec,
			visibility: 'members',
			phase: 'collecting',
			memberOrganisationIds: [org.member]
		});
		expect(boardRef(second.boardId)).toMatchObject({
			groupId: second.groupId,
			visibility: 'open',
			phase: 'phasing'
		});
	});

	it('is null for a board that does not exist', () => {
		expect(boardRef(999_999)).toBeNull();
		expect(
			boardDocAccess({ id: 1, role: 'admin', organisationId: org.igretec }, 'board:999999')
		).toBe('missing');
	});

	it('gives a member write access and a requesting commune none in a members-only group', () => {
		const { boardId } = newBoard('members', 'collecting');
		const docName = `board:${boardId}`;
		expect(boardDocAccess({ id: 1, role: 'agent', organisationId: org.member }, docName)).toBe(
			'write'
		);
		expect(boardDocAccess({ id: 2, role: 'agent', organisationId: org.requested }, docName)).toBe(
			'none'
		);
	});
});
