/** The steps of an order (placed, confirmed, refused): written with each step, read as its history. */
import { asc, eq } from 'drizzle-orm';
import type { OrderStatus } from '../../domain/catalogue/types';
import { getDb } from '../db/client';
import { orderEvents, organisations, users } from '../db/schema';

/** Records a step; call it inside the transaction of the change it records. */
export function recordOrderEvent(
	orderId: number,
	status: OrderStatus,
	actorId: number | null,
	at: Date,
	reason: string | null = null
) {
	getDb().insert(orderEvents).values({ orderId, status, actorId, reason, at }).run();
}

/** The order's steps, oldest first, with who took each (name and organisation) when known. */
export function orderHistory(orderId: number) {
	return getDb()
		.select({
			id: orderEvents.id,
			status: orderEvents.status,
			reason: orderEvents.reason,
			at: orderEvents.at,
			actorName: users.name,
			actorOrganisation: organisations.name
		})
		.from(orderEvents)
		.leftJoin(users, eq(users.id, orderEvents.actorId))
		.leftJoin(organisations, eq(organisations.id, users.organisationId))
		.where(eq(orderEvents.orderId, orderId))
		.orderBy(asc(orderEvents.at), asc(orderEvents.id))
		.all();
}

export type OrderHistoryEntry = ReturnType<typeof orderHistory>[number];
