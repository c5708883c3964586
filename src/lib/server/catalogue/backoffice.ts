/** The buyer's desk: the contracts they manage and the orders waiting for a decision. */
import type { ContractStatus } from '../../domain/catalogue/types';
import { can, type Actor } from '../../domain/permissions';
import { getDb } from '../db/client';

export function managedContracts(user: Actor) {
	const sqlite = getDb().$client;
	const rows = sqlite
		.prepare(
			`select c.id, c.reference, c.title, c.status, c.end_date as endDate, c.centrale_id as centraleId,
			 coalesce(o.short_name, o.name) as centraleName, o.kind as centraleKind,
			 (select count(*) from orders x where x.contract_id = c.id and x.status = 'submitted') as pendingOrders,
			 (select count(*) from adhesions a where a.contract_id = c.id and a.withdrawn_at is null) as adherents
			 from contracts c join organisations o on o.id = c.centrale_id order by c.updated_at desc limit 500`
		)
		.all() as {
		id: number;
		reference: string;
		title: string;
		status: ContractStatus;
		endDate: string | null;
		centraleId: number;
		centraleName: string;
		centraleKind: string;
		pendingOrders: number;
		adherents: number;
	}[];
	const mine = rows.filter((c) =>
		can(user, 'contract.edit', {
			centraleId: c.centraleId,
			ledByIntercommunale: c.centraleKind === 'intercommunale'
		})
	);
	return { contracts: mine };
}
