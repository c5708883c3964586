/**
 * What a buyer may remove from a contract's structure once communes have used it. Orders keep
 * their own copy of label, unit and price (order lines), but a deletion would still cut the link
 * an order or an adhesion has to what it was placed on, so those rows protect what they point at.
 */
import type { Verdict } from './types';

const ok: Verdict = { ok: true };
const refuse = (reason: string): Verdict => ({ ok: false, reason });

/** A price item that appears on an order (even a refused one) stays: it can be edited instead. */
export function canDeletePriceItem(facts: { orders: number }): Verdict {
	if (facts.orders > 0) {
		return refuse(
			`Ce poste figure déjà sur ${facts.orders === 1 ? 'une commande' : `${facts.orders} commandes`} : il ne peut pas être supprimé. Modifiez-le plutôt (les commandes passées gardent leur prix).`
		);
	}
	return ok;
}

/**
 * A lot with orders cannot go; nor can a lot of a contract communes have adhered to (their
 * decision covers the contract as it was, lots included), unless every adhesion was withdrawn.
 */
export function canDeleteLot(facts: { orders: number; activeAdhesions: number }): Verdict {
	if (facts.orders > 0) {
		return refuse(
			`Ce lot a déjà ${facts.orders === 1 ? 'une commande' : `${facts.orders} commandes`} : il ne peut pas être supprimé.`
		);
	}
	if (facts.activeAdhesions > 0) {
		return refuse(
			`${facts.activeAdhesions === 1 ? 'Une commune a adhéré' : `${facts.activeAdhesions} communes ont adhéré`} à ce marché : ses lots ne peuvent plus être supprimés.`
		);
	}
	return ok;
}

/**
 * Files are stored once per content (SHA-256): a deleted document's file goes only when no other
 * document, of this contract or another (a relaunch copies them), still points at it.
 */
export function shouldRemoveStoredFile(otherReferences: number): boolean {
	return otherReferences === 0;
}
