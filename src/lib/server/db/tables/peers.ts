/**
 * Peer exchange: what communes use (« nous l'utilisons ») and whether they accept being contacted
 * about it, messages between peers relayed by the portal (addresses never leave it), abuse
 * reports, and rencontres with their registrations and documents.
 * Dates of use are 'YYYY-MM' or 'YYYY-MM-DD' calendar strings; instants are UTC milliseconds.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Module } from '../../../domain/catalogue/types';
import { createdAt, updatedAt } from './columns';
import { contracts, lots } from './catalogue';
import { organisations, users } from './core';

/** Usage ← « nous l'utilisons »: one solution a local authority uses. */
export const solutionUsages = sqliteTable(
	'solution_usages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** a contract of the catalogue, or null for a solution bought elsewhere */
		contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'cascade' }),
		lotId: integer('lot_id').references(() => lots.id, { onDelete: 'set null' }),
		/** JSON array of the module codes used (contracts of the catalogue) */
		modules: text('modules', { mode: 'json' }).$type<Module[]>().notNull().default([]),
		/** the solution's name: the contract's title is read from the contract when it has one */
		solutionName: text('solution_name').notNull().default(''),
		supplierName: text('supplier_name').notNull().default(''),
		/** what one identifies the solution by, so a commune declares it once: see usages.ts */
		solutionKey: text('solution_key').notNull(),
		version: text('version').notNull().default(''),
		/** 'YYYY-MM' (or a full date) since when the commune uses it */
		since: text('since'),
		/** contact consent, per role of the commune's people */
		contactAgents: integer('contact_agents', { mode: 'boolean' }).notNull().default(false),
		contactReferents: integer('contact_referents', { mode: 'boolean' }).notNull().default(false),
		/** accent- and case-free text for search: solution, supplier, version */
		search: text('search').notNull().default(''),
		declaredBy: integer('declared_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('solution_usages_organisation_key_idx').on(t.organisationId, t.solutionKey),
		index('solution_usages_contract_idx').on(t.contractId),
		index('solution_usages_key_idx').on(t.solutionKey)
	]
);

/** A conversation started by one member with the users of a solution in one commune. */
export const peerConversations = sqliteTable(
	'peer_conversations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		usageId: integer('usage_id').references(() => solutionUsages.id, { onDelete: 'set null' }),
		/** the solution's name as it was when the conversation started */
		subject: text('subject').notNull(),
		starterId: integer('starter_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** the commune written to */
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [index('peer_conversations_starter_idx').on(t.starterId, t.createdAt)]
);

/** Who takes part: the starter and the people who consented when the first message left. */
export const peerParticipants = sqliteTable(
	'peer_participants',
	{
		conversationId: integer('conversation_id')
			.notNull()
			.references(() => peerConversations.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [
		uniqueIndex('peer_participants_idx').on(t.conversationId, t.userId),
		index('peer_participants_user_idx').on(t.userId)
	]
);

export const peerMessages = sqliteTable(
	'peer_messages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		conversationId: integer('conversation_id')
			.notNull()
			.references(() => peerConversations.id, { onDelete: 'cascade' }),
		authorId: integer('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('peer_messages_conversation_idx').on(t.conversationId, t.createdAt),
		index('peer_messages_author_idx').on(t.authorId, t.createdAt)
	]
);

/** « Signaler un abus »: a participant flags a message for the platform's admins. */
export const peerAbuseReports = sqliteTable(
	'peer_abuse_reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		messageId: integer('message_id')
			.notNull()
			.references(() => peerMessages.id, { onDelete: 'cascade' }),
		reporterId: integer('reporter_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('peer_abuse_reports_message_reporter_idx').on(t.messageId, t.reporterId)]
);

/** A rencontre: demo day, user club, visit of a commune that deployed a solution. */
export const peerEvents = sqliteTable(
	'peer_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		title: text('title').notNull(),
		topic: text('topic').notNull().default(''),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
		place: text('place').notNull().default(''),
		/** shown to signed-in members only */
		videoUrl: text('video_url').notNull().default(''),
		/** participants, all organisations together */
		capacity: integer('capacity').notNull(),
		/** JSON array of solutions bought elsewhere the rencontre is about */
		solutions: text('solutions', { mode: 'json' }).$type<string[]>().notNull().default([]),
		organiserId: integer('organiser_id').references(() => users.id, { onDelete: 'set null' }),
		organiserOrganisationId: integer('organiser_organisation_id')
			.notNull()
			.references(() => organisations.id),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		/** why the organiser cancelled it, shown on its page */
		cancelReason: text('cancel_reason').notNull().default(''),
		/** iCalendar SEQUENCE: 0 when published, one more at each change of date, place or status */
		sequence: integer('sequence').notNull().default(0),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('peer_events_starts_idx').on(t.startsAt)]
);

export const peerEventContracts = sqliteTable(
	'peer_event_contracts',
	{
		eventId: integer('event_id')
			.notNull()
			.references(() => peerEvents.id, { onDelete: 'cascade' }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' })
	},
	(t) => [
		uniqueIndex('peer_event_contracts_idx').on(t.eventId, t.contractId),
		index('peer_event_contracts_contract_idx').on(t.contractId)
	]
);

/** One organisation's participants at a rencontre. */
export const peerEventRegistrations = sqliteTable(
	'peer_event_registrations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => peerEvents.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		participants: integer('participants').notNull(),
		registeredBy: integer('registered_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('peer_event_registrations_idx').on(t.eventId, t.organisationId)]
);

/** Minutes and slides attached after the rencontre: files as DATA_DIR/files/<sha256>. */
export const peerEventDocuments = sqliteTable(
	'peer_event_documents',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => peerEvents.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		sha256: text('sha256').notNull(),
		size: integer('size').notNull(),
		mime: text('mime').notNull(),
		originalFilename: text('original_filename').notNull(),
		uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('peer_event_documents_event_idx').on(t.eventId)]
);
