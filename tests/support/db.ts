/**
 * Fixture rows for integration tests, written straight into a running test server's SQLite file
 * (the server sees them at once through WAL). Start the server first: it creates the schema.
 */
import Database from 'better-sqlite3';
import path from 'node:path';

export type Phase = 'collecting' | 'prioritising' | 'phasing' | 'closed';

export interface GroupFixture {
	/** slug of the centrale (intercommunale) running the group */
	centrale: string;
	visibility: 'open' | 'members';
	phase?: Phase;
	/** slugs of member organisations */
	members?: string[];
}

export class FixtureDb {
	readonly sqlite: Database.Database;

	constructor(dataDir: string) {
		this.sqlite = new Database(path.join(dataDir, 'centrale.sqlite'));
		this.sqlite.pragma('busy_timeout = 5000');
	}

	organisationId(slug: string): number {
		const row = this.sqlite.prepare('select id from organisations where slug = ?').get(slug) as
			{ id: number } | undefined;
		if (!row) throw new Error(`no organisation ${slug}`);
		return row.id;
	}

	userId(email: string): number {
		const row = this.sqlite.prepare('select id from users where email = ?').get(email) as
			{ id: number } | undefined;
		if (!row) throw new Error(`no user ${email}`);
		return row.id;
	}

	/** A working group with one board; returns both ids and the board's document name. */
	createBoard(fixture: GroupFixture) {
		const now = Date.now();
		const group = this.sqlite
			.prepare(
				`insert into working_groups (title, theme, visibility, centrale_id, phase, created_at)
				 values (?, ?, ?, ?, ?, ?)`
			)
			.run(
				'Groupe de test',
				'test',
				fixture.visibility,
				this.organisationId(fixture.centrale),
				fixture.phase ?? 'collecting',
				now
			);
		const groupId = Number(group.lastInsertRowid);
		for (const slug of fixture.members ?? []) {
			this.sqlite
				.prepare(
					'insert into group_members (group_id, organisation_id, status, at) values (?, ?, ?, ?)'
				)
				.run(groupId, this.organisationId(slug), 'member', now);
		}
		const board = this.sqlite
			.prepare('insert into boards (group_id, title) values (?, ?)')
			.run(groupId, 'Tableau de test');
		const boardId = Number(board.lastInsertRowid);
		return { groupId, boardId, docName: `board:${boardId}` };
	}

	setPhase(groupId: number, phase: Phase) {
		this.sqlite.prepare('update working_groups set phase = ? where id = ?').run(phase, groupId);
	}

	/** how many updates the document's log holds after its snapshot */
	loggedUpdates(docName: string): number {
		const row = this.sqlite
			.prepare('select count(*) as n from document_updates where doc_name = ?')
			.get(docName) as { n: number };
		return row.n;
	}

	close() {
		this.sqlite.close();
	}
}
