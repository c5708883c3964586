/**
 * The relational schema: everything that carries rights, money or commitments.
 * drizzle-kit generates the SQL migrations in drizzle/ from this file (`npm run db:generate`).
 */
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

/** Organisation ← « pouvoir local »: communes, CPAS, intercommunales, other centrales, the platform. */
export const organisations = sqliteTable(
	'organisations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', {
			enum: ['commune', 'cpas', 'zone', 'province', 'intercommunale', 'centrale', 'platform']
		}).notNull(),
		name: text('name').notNull(),
		/** accent- and case-free form of the name, for search */
		searchName: text('search_name').notNull(),
		slug: text('slug').notNull(),
		shortName: text('short_name'),
		nisCode: text('nis_code'),
		province: text('province'),
		arrondissement: text('arrondissement'),
		charleroiMetropole: integer('charleroi_metropole', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** true for IDEA, IDETA, IGRETEC and other bodies whose marchés the portal lists */
		isCentrale: integer('is_centrale', { mode: 'boolean' }).notNull().default(false),
		website: text('website'),
		description: text('description'),
		/** source keys and confidence of the reference row (communes.csv) */
		source: text('source'),
		confidence: text('confidence'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('organisations_slug_idx').on(t.slug),
		uniqueIndex('organisations_nis_idx').on(t.nisCode),
		index('organisations_kind_idx').on(t.kind)
	]
);

/** Commune ↔ intercommunale territory links: one, or two for Seneffe and Chapelle-lez-Herlaimont. */
export const territories = sqliteTable(
	'territories',
	{
		communeId: integer('commune_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		intercommunaleId: integer('intercommunale_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.communeId, t.intercommunaleId] }),
		index('territories_intercommunale_idx').on(t.intercommunaleId)
	]
);

export const ROLES = ['agent', 'referent', 'buyer', 'admin'] as const;

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		passwordHash: text('password_hash').notNull(),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('users_email_idx').on(t.email),
		index('users_organisation_idx').on(t.organisationId)
	]
);

/** Lucia-style sessions: the id is the SHA-256 (hex) of the token held in the cookie. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		userAgent: text('user_agent'),
		ip: text('ip'),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Invitations: single use, expiring; only the SHA-256 of the token is stored. */
export const invitations = sqliteTable(
	'invitations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull(),
		email: text('email').notNull(),
		name: text('name'),
		role: text('role', { enum: ROLES }).notNull(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		invitedBy: integer('invited_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('invitations_token_idx').on(t.tokenHash),
		index('invitations_email_idx').on(t.email)
	]
);

/** Password reset tokens: single use, expiring; only the SHA-256 of the token is stored. */
export const passwordResets = sqliteTable(
	'password_resets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('password_resets_token_idx').on(t.tokenHash)]
);

/** Failed logins, keyed by `email:<address>` and `ip:<address>`, for throttling. */
export const loginAttempts = sqliteTable(
	'login_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('login_attempts_key_at_idx').on(t.key, t.at)]
);

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id'),
		/** JSON object with what changed */
		details: text('details'),
		ip: text('ip')
	},
	(t) => [
		index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
		index('audit_log_at_idx').on(t.at)
	]
);

/** Every email goes through here; without SMTP_URL it stays here for admins to read. */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		/** what the mail is about, e.g. `password-reset`, `invitation` */
		kind: text('kind').notNull(),
		/** the HTML alternative of `text`, when the mail has one (digests, announcements) */
		html: text('html'),
		/** set when queued and sent with every try: a retry after a crash is the same message */
		messageId: text('message_id'),
		/** the unsubscribe page (List-Unsubscribe, RFC 2369), when the mail is about a notification kind */
		listUnsubscribe: text('list_unsubscribe'),
		/** `failed` will be tried again; `abandoned` was given up (domain/relay/mail-retry.ts) */
		status: text('status', {
			enum: ['pending', 'sending', 'sent', 'failed', 'held', 'abandoned']
		})
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		/** a failed mail is not tried again before this instant (exponential backoff) */
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
		lastError: text('last_error'),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('outbox_status_idx').on(t.status)]
);

/** Key/value facts about this database (demo mode, seed version). */
export const appMeta = sqliteTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
