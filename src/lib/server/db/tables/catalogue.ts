/**
 * The catalogue: contracts (marchés), their lots, suppliers, price items and documents; the
 * communes' membership of the centrale, interest declarations, adhesions and orders.
 * Status and kind columns hold the codes of src/lib/domain/catalogue (checked there, not here:
 * `$type` only names them for TypeScript). JSON columns (`mode: 'json'`) are stored as
 * JSON.stringify writes them, e.g. ["audit","training"].
 * Money is integer cents excl. VAT; dates are 'YYYY-MM-DD' calendar strings (Europe/Brussels).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ContractStatus, Module, OrderStatus } from '../../../domain/catalogue/types';
import { createdAt, updatedAt } from './columns';
import { organisations, users } from './core';

/** Supplier ← « adjudicataire » */
export const suppliers = sqliteTable(
	'suppliers',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		/** Belgian VAT number, normalised as BE0123456789 */
		vatNumber: text('vat_number').notNull(),
		website: text('website'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('suppliers_vat_idx').on(t.vatNumber)]
);

/** Contract ← « marché (accord-cadre) » */
export const contracts = sqliteTable(
	'contracts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reference: text('reference').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		/** Markdown, sanitised when rendered */
		description: text('description').notNull().default(''),
		theme: text('theme').notNull(),
		/** JSON array of CPV codes, e.g. ["72000000-5"] */
		cpvCodes: text('cpv_codes', { mode: 'json' }).$type<string[]>().notNull().default([]),
		/** the lead centrale: IDEA, IDETA, IGRETEC or another centrale (SPW, IMIO, Province) */
		centraleId: integer('centrale_id')
			.notNull()
			.references(() => organisations.id),
		/** the contract's page at another centrale */
		sourceUrl: text('source_url'),
		procedure: text('procedure').notNull(),
		status: text('status').$type<ContractStatus>().notNull(),
		interestDeadline: text('interest_deadline'),
		tenderCloseDate: text('tender_close_date'),
		awardDate: text('award_date'),
		startDate: text('start_date'),
		endDate: text('end_date'),
		/** the end with every extension the contract allows */
		maxEndDate: text('max_end_date'),
		estimatedValueCents: integer('estimated_value_cents'),
		/** Coopservice: the framework is exhausted when orders reach this */
		maxValueCents: integer('max_value_cents'),
		/** the buyer's option: orders are refused until the commune's council deliberation of
		 * adhesion to the centrale is recorded in its plan */
		requireMembershipDecision: integer('require_membership_decision', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** JSON array of module codes (audit, software, support, training) */
		modules: text('modules', { mode: 'json' }).$type<Module[]>().notNull().default([]),
		predecessorId: integer('predecessor_id'),
		/** optimistic locking: every save increments it and must name the version it started from */
		version: integer('version').notNull().default(1),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('contracts_reference_idx').on(t.reference),
		index('contracts_status_end_idx').on(t.status, t.endDate),
		index('contracts_theme_idx').on(t.theme),
		index('contracts_centrale_idx').on(t.centraleId),
		index('contracts_predecessor_idx').on(t.predecessorId),
		index('contracts_title_idx').on(t.title)
	]
);

/** Lifecycle history: every move of a contract, who made it, when and why. */
export const contractTransitions = sqliteTable(
	'contract_transitions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		fromStatus: text('from_status').$type<ContractStatus>(),
		toStatus: text('to_status').$type<ContractStatus>().notNull(),
		byUserId: integer('by_user_id').references(() => users.id, { onDelete: 'set null' }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		note: text('note')
	},
	(t) => [index('contract_transitions_contract_idx').on(t.contractId, t.at)]
);

export const lots = sqliteTable(
	'lots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		supplierId: integer('supplier_id').references(() => suppliers.id),
		endDate: text('end_date')
	},
	(t) => [
		uniqueIndex('lots_contract_number_idx').on(t.contractId, t.number),
		index('lots_supplier_idx').on(t.supplierId)
	]
);

/** PriceItem ← « poste du bordereau » */
export const priceItems = sqliteTable(
	'price_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		lotId: integer('lot_id')
			.notNull()
			.references(() => lots.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		unit: text('unit').notNull(),
		/** null while the price is not known yet (« prix à fixer », e.g. a relaunch before its award) */
		unitPriceCents: integer('unit_price_cents'),
		/** the predecessor's price when relaunched: a reference for the estimate, never ordered at */
		referenceUnitPriceCents: integer('reference_unit_price_cents'),
		/** integer percent: 21, 12, 6 or 0 */
		vatRate: integer('vat_rate').notNull(),
		recurrence: text('recurrence').notNull(),
		budgetNature: text('budget_nature').notNull(),
		/** suggested article of the communal budget, « à confirmer par le directeur financier » */
		suggestedArticle: text('suggested_article'),
		module: text('module')
	},
	(t) => [index('price_items_lot_idx').on(t.lotId)]
);

export const contractDocuments = sqliteTable(
	'contract_documents',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(true),
		/** the file is DATA_DIR/files/<sha256> */
		sha256: text('sha256').notNull(),
		size: integer('size').notNull(),
		mime: text('mime').notNull(),
		originalFilename: text('original_filename').notNull(),
		uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('contract_documents_contract_idx').on(t.contractId)]
);

/** Membership ← « adhésion à la centrale »: recorded once per local authority. */
export const memberships = sqliteTable(
	'memberships',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** the intercommunale whose convention the commune signed */
		centraleId: integer('centrale_id')
			.notNull()
			.references(() => organisations.id),
		councilDecisionDate: text('council_decision_date').notNull(),
		councilDecisionReference: text('council_decision_reference').notNull(),
		conventionSignedDate: text('convention_signed_date'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('memberships_organisation_idx').on(t.organisationId)]
);

/** Interest ← « manifestation d'intérêt » */
export const interests = sqliteTable(
	'interests',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		/** the maximum quantity in hundredths: 250 is 2,5 (quantities have at most two decimals) */
		maxQuantityHundredths: integer('max_quantity_hundredths').notNull().default(0),
		estimatedAmountCents: integer('estimated_amount_cents').notNull(),
		note: text('note'),
		declaredBy: integer('declared_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('interests_contract_organisation_idx').on(t.contractId, t.organisationId),
		index('interests_organisation_idx').on(t.organisationId)
	]
);

/** Adhesion ← « adhésion au marché » */
export const adhesions = sqliteTable(
	'adhesions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		decisionReference: text('decision_reference').notNull(),
		decisionDate: text('decision_date').notNull(),
		/** JSON array of the module codes chosen */
		modules: text('modules', { mode: 'json' }).$type<Module[]>().notNull().default([]),
		/** free text: estimated quantities per lot or item */
		estimatedQuantities: text('estimated_quantities').notNull().default(''),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
		withdrawnBy: integer('withdrawn_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		index('adhesions_contract_idx').on(t.contractId),
		index('adhesions_organisation_idx').on(t.organisationId, t.contractId)
	]
);

/** Order ← « commande / bon de commande »: totals stored in cents at submission. */
export const orders = sqliteTable(
	'orders',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		adhesionId: integer('adhesion_id')
			.notNull()
			.references(() => adhesions.id),
		contractId: integer('contract_id')
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		lotId: integer('lot_id')
			.notNull()
			.references(() => lots.id),
		budgetYear: integer('budget_year').notNull(),
		budgetArticle: text('budget_article').notNull(),
		/** submitted, confirmed or refused */
		status: text('status').$type<OrderStatus>().notNull().default('submitted'),
		refusalReason: text('refusal_reason'),
		exclVatCents: integer('excl_vat_cents').notNull(),
		vatCents: integer('vat_cents').notNull(),
		inclVatCents: integer('incl_vat_cents').notNull(),
		note: text('note'),
		submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('orders_organisation_idx').on(t.organisationId, t.submittedAt),
		index('orders_contract_status_idx').on(t.contractId, t.status),
		index('orders_adhesion_idx').on(t.adhesionId)
	]
);

export const orderLines = sqliteTable(
	'order_lines',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orderId: integer('order_id')
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		lotId: integer('lot_id')
			.notNull()
			.references(() => lots.id),
		priceItemId: integer('price_item_id').references(() => priceItems.id, {
			onDelete: 'set null'
		}),
		/** label and unit as they were when ordered */
		label: text('label').notNull(),
		unit: text('unit').notNull(),
		/** in hundredths: 250 is 2,5 days (quantities have at most two decimals) */
		quantityHundredths: integer('quantity_hundredths').notNull().default(0),
		unitPriceCents: integer('unit_price_cents').notNull(),
		vatRate: integer('vat_rate').notNull()
	},
	(t) => [index('order_lines_order_idx').on(t.orderId)]
);
