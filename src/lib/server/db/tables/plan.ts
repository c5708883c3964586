/**
 * The purchase plan (« Plan d'achats ») of a local authority: what it intends to buy under which
 * contract and when, the decisions it recorded on the way (budget.md §5), the documents the
 * portal generated for it, and the buyers' versioned document templates.
 * Money is integer cents excl. VAT; quantities are hundredths; months are 'YYYY-MM'.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { BudgetNature, Module } from '../../../domain/catalogue/types';
import type { DecisionKind } from '../../../domain/plan/decisions';
import type { DocumentKind } from '../../../domain/plan/documents';
import { contracts, lots, priceItems } from './catalogue';
import { createdAt, updatedAt } from './columns';
import { organisations, users } from './core';

export const purchaseIntentions = sqliteTable(
	'purchase_intentions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		lotId: integer('lot_id')
			.notNull()
			.references(() => lots.id, { onDelete: 'cascade' }),
		/** JSON array of the module codes wished */
		modules: text('modules', { mode: 'json' }).$type<Module[]>().notNull().default([]),
		/** the wished order month, 'YYYY-MM' */
		targetMonth: text('target_month').notNull(),
		note: text('note').notNull().default(''),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('purchase_intentions_organisation_idx').on(t.organisationId, t.targetMonth),
		index('purchase_intentions_contract_idx').on(t.contractId)
	]
);

/** The price items of an intention with their quantities; the nature may be overridden. */
export const purchaseIntentionItems = sqliteTable(
	'purchase_intention_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		intentionId: integer('intention_id')
			.notNull()
			.references(() => purchaseIntentions.id, { onDelete: 'cascade' }),
		priceItemId: integer('price_item_id')
			.notNull()
			.references(() => priceItems.id, { onDelete: 'cascade' }),
		/** in hundredths: 250 is 2,5 (two decimals at most) */
		quantityHundredths: integer('quantity_hundredths').notNull(),
		/** the finance director's choice, recorded by the referent; null: the item's suggestion */
		natureOverride: text('nature_override').$type<BudgetNature>(),
		natureChosenBy: integer('nature_chosen_by').references(() => users.id, {
			onDelete: 'set null'
		}),
		natureChosenAt: integer('nature_chosen_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('purchase_intention_items_idx').on(t.intentionId, t.priceItemId)]
);

/**
 * A decision the authority recorded as taken: the council's adhesion to a centrale (no contract),
 * or a decision about one contract (interest, adhesion, order, opinion, tutelle check).
 */
export const planDecisions = sqliteTable(
	'plan_decisions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<DecisionKind>().notNull(),
		centraleId: integer('centrale_id').references(() => organisations.id),
		contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'cascade' }),
		intentionId: integer('intention_id').references(() => purchaseIntentions.id, {
			onDelete: 'set null'
		}),
		/** 'YYYY-MM-DD' */
		decidedOn: text('decided_on').notNull(),
		reference: text('reference').notNull(),
		/** the signed PDF, DATA_DIR/files/<sha256>, when uploaded */
		fileSha256: text('file_sha256'),
		fileName: text('file_name'),
		recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('plan_decisions_organisation_idx').on(t.organisationId, t.kind)]
);

/**
 * The buyers' templates of generated documents: every save is a new version, never an edit. Each
 * centrale keeps its own versions; rows without a centrale are the shared default (the versions
 * saved before templates were per centrale), used by a centrale that has none of its own.
 */
export const planTemplates = sqliteTable(
	'plan_templates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** the centrale whose buyers wrote it; null: the shared default */
		centraleId: integer('centrale_id').references(() => organisations.id),
		kind: text('kind').$type<DocumentKind>().notNull(),
		version: integer('version').notNull(),
		/** the template text with {placeholders} */
		body: text('body').notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('plan_templates_centrale_kind_version_idx').on(t.centraleId, t.kind, t.version)
	]
);

/** Each generated document: who, when, which template version, and the values it was filled with. */
export const planDocuments = sqliteTable(
	'plan_documents',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		intentionId: integer('intention_id')
			.notNull()
			.references(() => purchaseIntentions.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<DocumentKind>().notNull(),
		/** null when the built-in template (version 0) was used */
		templateId: integer('template_id').references(() => planTemplates.id),
		templateVersion: integer('template_version').notNull(),
		/** JSON of the placeholder values: regenerating from them gives the same document */
		values: text('values', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		generatedBy: integer('generated_by').references(() => users.id, { onDelete: 'set null' }),
		generatedAt: integer('generated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('plan_documents_intention_idx').on(t.intentionId)]
);
