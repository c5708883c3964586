/**
 * Everything the buyers' page of one contract shows: the moves its lifecycle allows today, its
 * lots, prices and documents, the communes' interest and adhesions, the orders placed on it.
 */
import { ceilingCheck } from '../../domain/catalogue/ceiling';
import { allowedTransitions } from '../../domain/catalogue/lifecycle';
import { canRelaunch } from '../../domain/catalogue/relaunch';
import {
	committedCents,
	contractDocumentList,
	contractHistory,
	contractLots,
	lifecycleSnapshot,
	relatedContracts,
	type ContractRow
} from './contract';
import { contractOrders } from './orders';
import { contractCommunes, listSuppliers } from './structure';

/** `today` is the calendar date in Brussels: it decides which transitions are open. */
export function contractManagementPage(contract: ContractRow, today: string) {
	const lots = contractLots(contract.id);
	const snapshot = lifecycleSnapshot(contract, lots);
	return {
		contract,
		lots,
		suppliers: listSuppliers(),
		documents: contractDocumentList(contract.id),
		transitions: allowedTransitions(snapshot, today),
		relaunch: canRelaunch(snapshot, today),
		related: relatedContracts(contract),
		communes: contractCommunes(contract.id),
		// a relaunch lists who used the contract it replaces: they are invited to declare interest
		previousAdherents: contract.predecessorId
			? contractCommunes(contract.predecessorId).adhesions.filter((a) => !a.withdrawnAt)
			: [],
		orders: contractOrders(contract.id),
		ceiling: ceilingCheck(contract.maxValueCents, committedCents(contract.id), 0),
		history: contractHistory(contract.id)
	};
}
