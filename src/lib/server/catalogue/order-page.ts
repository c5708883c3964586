/** The pages of an order: the form a commune fills in, and the bon de commande once sent. */
import { ceilingCheck } from '../../domain/catalogue/ceiling';
import { orderTotals } from '../../domain/catalogue/money';
import { quantityFromHundredths } from '../../domain/catalogue/quantity';
import { isVatRate } from '../../domain/catalogue/types';
import { can, type Actor } from '../../domain/permissions';
import { committedCents, contractLots, type ContractRow } from './contract';
import { contractRef } from './contract-ref';
import { findActiveAdhesion } from './membership';
import { orderHistory } from './order-events';
import type { findOrder } from './orders';

/**
 * The order form: only lots that are awarded and priced can be ordered from. What the contract's
 * orders already commit feeds the running total's remaining maximum.
 */
export function newOrderPage(contract: ContractRow, organisationId: number, today: string) {
	return {
		contract,
		committedCents: committedCents(contract.id),
		adhesion: findActiveAdhesion(contract.id, organisationId),
		lots: contractLots(contract.id).filter((lot) => lot.supplierId !== null && lot.items.length),
		budgetYear: Number(today.slice(0, 4))
	};
}

type Order = NonNullable<ReturnType<typeof findOrder>>;

/**
 * The bon de commande, with its VAT per rate, its history (placed, decided: by whom, when) and,
 * for the buyers, the right to decide it.
 */
export function orderPage(order: Order, contract: ContractRow, user: Actor) {
	const totals = orderTotals(
		order.lines.map((l) => ({
			quantity: quantityFromHundredths(l.quantityHundredths),
			unitPriceCents: l.unitPriceCents,
			vatRate: isVatRate(l.vatRate) ? l.vatRate : 21
		}))
	);
	return {
		order,
		history: orderHistory(order.id),
		vatByRate: totals.vatByRate,
		contract: {
			reference: contract.reference,
			title: contract.title,
			centraleName: contract.centraleName
		},
		ceiling: ceilingCheck(contract.maxValueCents, committedCents(contract.id), 0),
		mayDecide: can(user, 'order.decide', contractRef(contract))
	};
}
