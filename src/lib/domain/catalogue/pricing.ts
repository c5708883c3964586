/**
 * A price item may be « à fixer »: its price is not known yet (a relaunch before its award keeps
 * the predecessor's price only as a reference for the estimate). Such an item is shown, never
 * ordered, and never counted in a total.
 */
import { formatMoney } from '../format';
import type { Verdict } from './types';

export interface MaybePriced {
	label: string;
	unitPriceCents: number | null;
	referenceUnitPriceCents?: number | null;
}

export const UNPRICED_LABEL = 'Prix à fixer';

export function isPriced<T extends MaybePriced>(item: T): item is T & { unitPriceCents: number } {
	return item.unitPriceCents !== null;
}

export function unpricedMessage(label: string): string {
	return `Le poste « ${label} » n’a pas encore de prix (prix à fixer) : il ne peut pas être commandé.`;
}

/** An order line needs a known price. */
export function canOrderItem(item: MaybePriced): Verdict {
	return isPriced(item) ? { ok: true } : { ok: false, reason: unpricedMessage(item.label) };
}

/** The reference as a French sentence, or null when there is none. */
export function referencePriceText(item: MaybePriced): string | null {
	if (item.referenceUnitPriceCents == null) return null;
	return `Prix de référence du marché précédent : ${formatMoney(item.referenceUnitPriceCents)}`;
}
