/**
 * The history of an order: one row per step (placed, confirmed, refused), who took it and when.
 * The order row keeps its current status for the lists; this table is what the bon de commande
 * shows as its history, and where later steps (a cancellation, a delivery) will be written.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { OrderStatus } from '../../../domain/catalogue/types';
import { orders } from './catalogue';
import { users } from './core';

export const orderEvents = sqliteTable(
	'order_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orderId: integer('order_id')
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		/** the status the order reached with this step */
		status: text('status').$type<OrderStatus>().notNull(),
		actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
		/** a refusal's reason, as the commune reads it */
		reason: text('reason'),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('order_events_order_idx').on(t.orderId, t.at)]
);
