/**
 * Each local authority's own budget calendar, per budget year (DOMAIN.md: « each commune edits
 * its own »). A year without a row uses the defaults of domain/budget-calendar.ts.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisations, users } from './core';

export const budgetCalendars = sqliteTable(
	'budget_calendars',
	{
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		/** calendar dates 'YYYY-MM-DD' (Europe/Brussels) */
		initialVote: text('initial_vote').notNull(),
		mb1: text('mb1'),
		mb2: text('mb2'),
		updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.year] })]
);
