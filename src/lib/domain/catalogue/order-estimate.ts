/**
 * The running total of an order form while quantities are typed: the same parsing, totals and
 * ceiling check as the server's (quantity.ts, money.ts, ceiling.ts), applied to what the form
 * holds now. It only informs: the server checks the order again when it is sent.
 */
import { ceilingCheck, type CeilingCheck } from './ceiling';
import { orderTotals, type OrderLineInput, type OrderTotals } from './money';
import { parseQuantity, quantityFromHundredths } from './quantity';
import { isVatRate } from './types';

export interface EstimateItem {
	id: number;
	label: string;
	unitPriceCents: number | null;
	vatRate: number;
}

export interface OrderEstimate {
	totals: OrderTotals;
	/** the framework's maximum with this order counted */
	ceiling: CeilingCheck;
	/** quantities that cannot be read yet, each with what to type */
	problems: { itemId: number; message: string }[];
}

/**
 * `typed` holds each item's quantity as typed, by item id; a blank one is not ordered, an item
 * without a price or VAT rate is never counted.
 */
export function estimateOrder(
	items: readonly EstimateItem[],
	typed: Readonly<Record<number, string | undefined>>,
	contract: { maxValueCents: number | null; committedCents: number }
): OrderEstimate {
	const lines: OrderLineInput[] = [];
	const problems: OrderEstimate['problems'] = [];
	for (const item of items) {
		const text = typed[item.id] ?? '';
		if (text.trim() === '' || item.unitPriceCents === null || !isVatRate(item.vatRate)) continue;
		const quantity = parseQuantity(text);
		if (!quantity.ok) {
			problems.push({ itemId: item.id, message: `${item.label} : ${quantity.message}` });
			continue;
		}
		lines.push({
			quantity: quantityFromHundredths(quantity.hundredths),
			unitPriceCents: item.unitPriceCents,
			vatRate: item.vatRate
		});
	}
	let totals: OrderTotals;
	try {
		totals = orderTotals(lines);
	} catch (err) {
		if (!(err instanceof RangeError)) throw err;
		totals = orderTotals([]);
		problems.push({ itemId: 0, message: 'Ces quantités donnent un montant trop élevé.' });
	}
	const ceiling = ceilingCheck(
		contract.maxValueCents,
		contract.committedCents,
		totals.exclVatCents
	);
	return { totals, ceiling, problems };
}
