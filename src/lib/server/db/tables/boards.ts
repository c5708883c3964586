/**
 * Working groups and their need boards. Board *content* lives in the Yjs document `board:<id>`;
 * who may do what, votes, interest and waves live here (a CRDT cannot enforce rights).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contracts } from './catalogue';
import { createdAt } from './columns';
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
		/** optimistic locking: every edit increments it and must name the version it started from */
		version: integer('version').notNull().default(1),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
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

/** Meetings of a group: in person (place) or online (video link), with agenda and minutes. */
export const groupSessions = sqliteTable(
	'group_sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		groupId: integer('group_id')
			.notNull()
			.references(() => workingGroups.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** UTC ms */
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		durationMinutes: integer('duration_minutes').notNull().default(120),
		place: text('place').notNull().default(''),
		videoLink: text('video_link').notNull().default(''),
		agenda: text('agenda').notNull().default(''),
		minutes: text('minutes').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('group_sessions_group_idx').on(t.groupId, t.startsAt)]
);

/** Secret of a group's calendar feed (members-only groups): a feed reader sends no cookie. */
export const groupFeedTokens = sqliteTable('group_feed_tokens', {
	groupId: integer('group_id')
		.primaryKey()
		.references(() => workingGroups.id, { onDelete: 'cascade' }),
	token: text('token').notNull()
});

/** Points a member organisation gives a card while the group prioritises (≤ 100 in total). */
export const boardVotes = sqliteTable(
	'board_votes',
	{
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		cardId: text('card_id').notNull(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		points: integer('points').notNull(),
		votedBy: integer('voted_by').references(() => users.id, { onDelete: 'set null' }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.boardId, t.organisationId, t.cardId] }),
		index('board_votes_card_idx').on(t.boardId, t.cardId)
	]
);

/** A member organisation's interest in a need, with the quantity it expects to order. */
export const needInterests = sqliteTable(
	'need_interests',
	{
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		cardId: text('card_id').notNull(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		quantity: integer('quantity').notNull(),
		declaredBy: integer('declared_by').references(() => users.id, { onDelete: 'set null' }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.boardId, t.organisationId, t.cardId] }),
		index('need_interests_card_idx').on(t.boardId, t.cardId)
	]
);

/** A group of prioritised needs procured together (« 2027 — vague 1 »). */
export const waves = sqliteTable(
	'waves',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		year: integer('year').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [index('waves_board_idx').on(t.boardId, t.year, t.position)]
);

export const waveNeeds = sqliteTable(
	'wave_needs',
	{
		waveId: integer('wave_id')
			.notNull()
			.references(() => waves.id, { onDelete: 'cascade' }),
		cardId: text('card_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.waveId, t.cardId] }), index('wave_needs_card_idx').on(t.cardId)]
);

/**
 * Projection of the board documents' cards, kept up to date by the server from the Yjs
 * documents (debounced) and rebuildable from them: search, ranking and promotion run on it.
 */
export const needs = sqliteTable(
	'needs',
	{
		cardId: text('card_id').primaryKey(),
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		searchTitle: text('search_title').notNull(),
		summary: text('summary').notNull().default(''),
		/** title of the board column the card sits in */
		columnTitle: text('column_title').notNull().default(''),
		module: text('module'),
		targetYear: integer('target_year'),
		estimatedBudgetCents: integer('estimated_budget_cents'),
		/** JSON array of organisation ids */
		communes: text('communes').notNull().default('[]'),
		mustCount: integer('must_count').notNull().default(0),
		shouldCount: integer('should_count').notNull().default(0),
		couldCount: integer('could_count').notNull().default(0),
		wontCount: integer('wont_count').notNull().default(0),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('needs_board_idx').on(t.boardId),
		index('needs_search_idx').on(t.searchTitle),
		index('needs_year_idx').on(t.targetYear, t.module)
	]
);

/** Which contract a need fed (« Créer un marché »), and which needs a contract was born from. */
export const needContractLinks = sqliteTable(
	'need_contract_links',
	{
		cardId: text('card_id').notNull(),
		boardId: integer('board_id')
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		/** the need's title when the contract was created (the card may change afterwards) */
		title: text('title').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.cardId, t.contractId] }),
		index('need_contract_links_contract_idx').on(t.contractId)
	]
);

/** Requirements of a contract in preparation, copied from the needs it was born from. */
export const contractRequirements = sqliteTable(
	'contract_requirements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		/** the card (need) it came from, and the requirement's id inside that card */
		cardId: text('card_id').notNull(),
		sourceRequirementId: text('source_requirement_id').notNull(),
		text: text('text').notNull(),
		moscow: text('moscow', { enum: ['must', 'should', 'could', 'wont'] }).notNull(),
		position: integer('position').notNull()
	},
	(t) => [index('contract_requirements_contract_idx').on(t.contractId, t.position)]
);

/** In-portal notifications (phase changes, new sessions, join requests). */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		link: text('link').notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** put away by its reader: out of the inbox, still in the feed */
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt)]
);
