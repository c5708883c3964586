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
import type { Actor } from '../../domain/permissions';
import { relaunchReports } from '../reports/published';
import { contractOrders } from './orders';
import { contractCommunes, listSuppliers } from './structure';

/**
 * What the communes said of the contract a relaunch replaces, so the new tender fixes it; on a
 * contract still to be relaunched, what they said of this one. null when neither applies.
 */
function reportsForRelaunch(
	contract: ContractRow,
	related: ReturnType<typeof relatedContracts>,
	relaunchable: boolean,
	viewer: Actor
) {
	if (related.predecessor)
		return {
			about: 'predecessor' as const,
			reference: related.predecessor.reference,
			title: related.predecessor.title,
			reports: relaunchReports(contract.predecessorId!, viewer)
		};
	if (relaunchable && !related.successors.length)
		return {
			about: 'this' as const,
			reference: contract.reference,
			title: contract.title,
			reports: relaunchReports(contract.id, viewer)
		};
	return null;
}

/** `today` is the calendar date in Brussels: it decides which transitions are open. */
export function contractManagementPage(contract: ContractRow, today: string, viewer: Actor) {
	const lots = contractLots(contract.id);
	const snapshot = lifecycleSnapshot(contract, lots);
	const relaunch = canRelaunch(snapshot, today);
	const related = relatedContracts(contract);
	return {
		contract,
		lots,
		suppliers: listSuppliers(),
		documents: contractDocumentList(contract.id),
		transitions: allowedTransitions(snapshot, today),
		relaunch,
		related,
		relaunchReports: reportsForRelaunch(contract, related, relaunch.ok, viewer),
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
