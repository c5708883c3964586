/** The buyer's desk: the contracts they manage and the orders waiting for a decision. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions';
import { getDb } from '../db/client';
import { scalar, shortNameOf } from '../db/expressions';
import { adhesions, contracts, orders, organisations } from '../db/schema';

export function managedContracts(user: Actor) {
	const db = getDb();
	const pendingOrders = db
		.select({ n: count() })
		.from(orders)
		.where(and(eq(orders.contractId, contracts.id), eq(orders.status, 'submitted')));
	const adherents = db
		.select({ n: count() })
		.from(adhesions)
		.where(and(eq(adhesions.contractId, contracts.id), isNull(adhesions.withdrawnAt)));
	const rows = db
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			status: contracts.status,
			endDate: contracts.endDate,
			centraleId: contracts.centraleId,
			centraleName: shortNameOf(organisations),
			centraleKind: organisations.kind,
			pendingOrders: scalar<number>(pendingOrders),
			adherents: scalar<number>(adherents)
		})
		.from(contracts)
		.innerJoin(organisations, eq(organisations.id, contracts.centraleId))
		.orderBy(desc(contracts.updatedAt))
		.limit(500)
		.all();
	const mine = rows.filter((c) =>
		can(user, 'contract.edit', {
			centraleId: c.centraleId,
			ledByIntercommunale: c.centraleKind === 'intercommunale'
		})
	);
	return { contracts: mine };
}
