/**
 * Working groups and their need boards. Board *content* lives in the Yjs document `board:<id>`;
 * who may do what, votes, interest and waves live here (a CRDT cannot enforce rights).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './core';

export const GROUP_PHASES = ['collecting', 'prioritising', 'phasing', 'closed'] as const;

export const workingGroups = sqliteTable(
	'working_groups',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		title: text('title').notNull(),
		theme: text('theme').notNull(),
		description: text('description').notNull().default(''),
		/** `open`: every logged-in commune user may read the board and ask to join; `members`: members only */
		visibility: text('visibility', { enum: ['open', 'members'] }).notNull(),
		/** the intercommunale (or other centrale) running the group */
		centraleId: integer('centrale_id')
			.notNull()
			.references(() => organisations.id),
		phase: text('phase', { enum: GROUP_PHASES }).notNull().default('collecting'),
		/** planned dates of each phase (calendar dates, Europe/Brussels) */
		collectingFrom: text('collecting_from'),
		prioritisingFrom: text('prioritising_from'),
		phasingFrom: text('phasing_from'),
		closesOn: text('closes_on'),
		/** during prioritising, agents (not only referents) may spread their commune's points */
		agentsMayVote: integer('agents_may_vote', { mode: 'boolean' }).notNull().default(false),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('working_groups_centrale_idx').on(t.centraleId)]
);

/** Member organisations of a group, and requests to join an open group. */
export const groupMembers = sqliteTable(
	'group_members',
	{
		groupId: integer('group_id')
			.notNull()
			.references(() => workingGroups.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		status: text('status', { enum: ['member', 'requested', 'refused'] }).notNull(),
		requestedBy: integer('requested_by').references(() => users.id, { onDelete: 'set null' }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.groupId, t.organisationId] }),
		index('group_members_org_idx').on(t.organisationId)
	]
);

/** A group's board; its content is the Yjs document named `board:<id>`. */
export const boards = sqliteTable(
	'boards',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		groupId: integer('group_id')
			.notNull()
			.references(() => workingGroups.id, { onDelete: 'cascade' }),
		title: text('title').notNull()
	},
	(t) => [index('boards_group_idx').on(t.groupId)]
);
