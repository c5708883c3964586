/**
 * Quantities as people type them in fr-BE: '2,5' jours de formation, '1 000' fiches, '0.25'.
 * At most two decimals (money.ts computes line totals in hundredths); kept as an integer count of
 * hundredths from the form to the database, so nothing is ever rounded on the way.
 */

export type QuantityParse = { ok: true; hundredths: number } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;
/** digits, or groups of three split by single spaces; then ',' or '.' and one or two digits */
const QUANTITY = /^(\d{1,3}(?: \d{3})+|\d+)(?:[,.](\d{1,2}))?$/;

/** Refuses what cannot be stored exactly, with a French message saying what to type. */
export function parseQuantity(text: string): QuantityParse {
	const trimmed = text.trim().replace(SPACES, ' ');
	if (trimmed === '') return { ok: false, message: 'Indiquez une quantité.' };
	if (/^-/.test(trimmed)) return { ok: false, message: 'La quantité ne peut pas être négative.' };
	const match = QUANTITY.exec(trimmed);
	if (!match) {
		return /^[\d ]+[,.]\d{3,}$/.test(trimmed)
			? { ok: false, message: 'La quantité a au plus deux décimales, par exemple 2,5.' }
			: { ok: false, message: 'Indiquez une quantité en chiffres, par exemple 3 ou 2,5.' };
	}
	const [, integer, decimals = ''] = match;
	const hundredths = Number(integer.replace(/ /g, '')) * 100 + Number(decimals.padEnd(2, '0'));
	if (!Number.isSafeInteger(hundredths) || hundredths > MAX_QUANTITY_HUNDREDTHS) {
		return { ok: false, message: 'Cette quantité est trop élevée.' };
	}
	return { ok: true, hundredths };
}

/** A billion units: far beyond any order, well within exact integer arithmetic. */
export const MAX_QUANTITY_HUNDREDTHS = 100_000_000_000;

/** hundredths → the decimal number money.ts works with (250 → 2.5; exact to two decimals) */
export function quantityFromHundredths(hundredths: number): number {
	return hundredths / 100;
}

/** hundredths → what to put back in a form field: 250 → '2,5', 300 → '3' */
export function quantityToInput(hundredths: number): string {
	const whole = Math.floor(hundredths / 100);
	const rest = hundredths % 100;
	if (rest === 0) return String(whole);
	return `${whole},${rest % 10 === 0 ? rest / 10 : String(rest).padStart(2, '0')}`;
}
