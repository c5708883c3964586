/**
 * Experience reports (retours d'expérience). The content is the Automerge document `report:<id>`
 * in the document store; these rows carry what has rights or must be listed without loading a
 * document: who the report speaks for, what it is about, its status, the published versions,
 * and the projection (ratings, excerpt) the hub rewrites after every accepted change.
 */
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { Module } from '../../../domain/catalogue/types';
import type { Ratings } from '../../../domain/reports/ratings';
import type { ReportContent } from '../../../domain/reports/shape';
import { contracts, lots } from './catalogue';
import { createdAt, updatedAt } from './columns';
import { organisations, users } from './core';

/** ExperienceReport ← « retour d'expérience » */
export const reports = sqliteTable(
	'reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** the local authority whose experience it is */
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		/** a contract of the catalogue… */
		contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'set null' }),
		lotId: integer('lot_id').references(() => lots.id, { onDelete: 'set null' }),
		modules: text('modules', { mode: 'json' }).$type<Module[]>().notNull().default([]),
		/** …or a solution bought elsewhere: its name and supplier as typed */
		solutionName: text('solution_name'),
		supplierName: text('supplier_name'),
		status: text('status', { enum: ['draft', 'published'] })
			.notNull()
			.default('draft'),
		/** the automerge-repo DocumentId (base58) under which browsers sync `report:<id>` */
		automergeId: text('automerge_id').notNull(),
		/** published to everyone, not only to members; the commune's name shown only if `publicNamed` */
		isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
		publicNamed: integer('public_named', { mode: 'boolean' }).notNull().default(false),
		firstPublishedAt: integer('first_published_at', { mode: 'timestamp_ms' }),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		// projection of the draft (the authors' current text), rewritten by the hub
		title: text('title').notNull(),
		ratings: text('ratings', { mode: 'json' }).$type<Ratings>(),
		overallRating: real('overall_rating'),
		wouldRecommend: integer('would_recommend', { mode: 'boolean' }),
		excerpt: text('excerpt').notNull().default(''),
		/** document size in bytes as stored (snapshot and log), for the 200 KB limit */
		documentBytes: integer('document_bytes').notNull().default(0),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('reports_automerge_id_idx').on(t.automergeId),
		index('reports_contract_idx').on(t.contractId, t.status),
		index('reports_organisation_idx').on(t.organisationId)
	]
);

/**
 * Each publication freezes the document at `heads`; `content` is the report as it read then
 * (the cached snapshot readers are served, never rebuilt from history). The newest row is the
 * published version; older rows stay reachable.
 */
export const reportPublications = sqliteTable(
	'report_publications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		heads: text('heads', { mode: 'json' }).$type<string[]>().notNull(),
		content: text('content', { mode: 'json' }).$type<ReportContent>().notNull(),
		publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('report_publications_report_idx').on(t.reportId, t.publishedAt)]
);

/** Invited co-authors from another organisation (the commune's own people write by right). */
export const reportAuthors = sqliteTable(
	'report_authors',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.reportId, t.userId] })]
);

/**
 * Which portal user each Automerge actor belongs to: bound by the hub on the actor's first change,
 * after which a change of that actor from anyone else is a forgery. Attribution reads it.
 */
export const reportActors = sqliteTable(
	'report_actors',
	{
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		actor: text('actor').notNull(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [primaryKey({ columns: [t.reportId, t.actor] })]
);

/**
 * A centrale's reply to a published report: the supplier's corrective action, a relaunch lot that
 * fixes what the commune ran into. One reply per centrale and report, which its buyers update.
 */
export const reportReplies = sqliteTable(
	'report_replies',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: integer('report_id')
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		/** the centrale that answers (the buyer's organisation) */
		centraleId: integer('centrale_id')
			.notNull()
			.references(() => organisations.id),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** plain text, at most 5,000 characters */
		body: text('body').notNull(),
		/** a contract of the centrale the reply points to (e.g. the relaunch that fixes it) */
		contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('report_replies_report_centrale_idx').on(t.reportId, t.centraleId)]
);
