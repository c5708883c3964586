/**
 * Order arithmetic in integer cents of euro (DOMAIN.md: money is integer cents; VAT rate stored
 * per price item). Nothing here uses floating-point money: amounts are integers and products go
 * through BigInt, so a total never drifts by a cent.
 */
import { VAT_RATES } from './types';
import type { VatRate } from './types';

export interface OrderLineInput {
	quantity: number;
	unitPriceCents: number;
	vatRate: VatRate;
}

export interface VatBreakdown {
	rate: VatRate;
	/** Sum of the line totals at this rate, excl. VAT. */
	baseCents: number;
	vatCents: number;
}

export interface OrderTotals {
	exclVatCents: number;
	/** One entry per rate present in the order, highest rate first. */
	vatByRate: VatBreakdown[];
	vatCents: number;
	inclVatCents: number;
}

/** Rounds numerator / denominator (both non-negative) half away from zero to an integer. */
function divideRounded(numerator: bigint, denominator: bigint): number {
	const result = Number((numerator * 2n + denominator) / (denominator * 2n));
	if (!Number.isSafeInteger(result)) throw new RangeError('Montant trop élevé.');
	return result;
}

/**
 * A quantity counted in hundredths. Quantities may have at most two decimals (1.5 days of
 * support, 0.25 of a licence pack); a value with more decimals is refused rather than silently
 * rounded, so the order shows exactly what the referent typed.
 */
export function quantityHundredths(quantity: number): number {
	if (!Number.isFinite(quantity) || quantity < 0) {
		throw new RangeError('La quantité doit être un nombre positif.');
	}
	const hundredths = Math.round(quantity * 100);
	if (!Number.isSafeInteger(hundredths)) throw new RangeError('Quantité trop élevée.');
	// exact: n / 100 is the double nearest to the decimal n/100, which is what the literal was
	if (hundredths / 100 !== quantity) throw new RangeError('La quantité a au plus deux décimales.');
	return hundredths;
}

/**
 * quantity × unit price, in cents, rounded half away from zero to the cent.
 * Throws RangeError on a negative, non-finite or over-precise quantity, or a price that is not a
 * non-negative integer of cents (inputs are validated by forms before they get here).
 */
export function lineTotal(quantity: number, unitPriceCents: number): number {
	if (!Number.isSafeInteger(unitPriceCents) || unitPriceCents < 0) {
		throw new RangeError('Le prix unitaire doit être un nombre entier de cents positif.');
	}
	return divideRounded(BigInt(quantityHundredths(quantity)) * BigInt(unitPriceCents), 100n);
}

/** VAT on a base at a rate in percent, rounded half away from zero to the cent. */
export function vatOn(baseCents: number, rate: VatRate): number {
	return divideRounded(BigInt(baseCents) * BigInt(rate), 100n);
}

/**
 * Totals of an order. VAT is computed once per rate on the sum of the lines at that rate (as on
 * an invoice shows it, per rate), not line by line, so rounding happens once per rate.
 */
export function orderTotals(lines: readonly OrderLineInput[]): OrderTotals {
	const bases = new Map<VatRate, number>();
	for (const line of lines) {
		if (!VAT_RATES.includes(line.vatRate)) throw new RangeError('Taux de TVA inconnu.');
		const total = lineTotal(line.quantity, line.unitPriceCents);
		bases.set(line.vatRate, (bases.get(line.vatRate) ?? 0) + total);
	}
	const vatByRate = VAT_RATES.filter((rate) => bases.has(rate)).map((rate) => {
		const baseCents = bases.get(rate)!;
		return { rate, baseCents, vatCents: vatOn(baseCents, rate) };
	});
	const exclVatCents = vatByRate.reduce((sum, entry) => sum + entry.baseCents, 0);
	const vatCents = vatByRate.reduce((sum, entry) => sum + entry.vatCents, 0);
	return { exclVatCents, vatByRate, vatCents, inclVatCents: exclVatCents + vatCents };
}

const SPACES = /[\s\u00a0\u202f]/g;
/** Integer part: digits, or groups of three split by spaces or dots; then ',' or '.' and 1–2 digits. */
const AMOUNT = /^(\d{1,3}(?:([ .])\d{3})(?:\2\d{3})*|\d+)(?:([,.])(\d{1,2}))?$/;

/**
 * Parses an amount typed in fr-BE: '12 345,67', '12345.67', '1.234,5 €', '€ 1 000' → cents;
 * null when it is not a non-negative amount with at most two decimals.
 * Thousands may be split by spaces (also non-breaking) or dots; the decimal mark is a comma or a
 * dot followed by one or two digits. A dot followed by three digits is a thousands separator,
 * as Belgians write it ('1.500' is 1 500 €); a comma followed by three digits is refused.
 */
export function parseEuroAmount(text: string): number | null {
	const trimmed = text.trim().replace(/^€|€$/g, '').trim().replace(SPACES, ' ');
	if (/ {2}/.test(trimmed)) return null;
	const match = AMOUNT.exec(trimmed);
	if (!match) return null;
	const [, integer, groupMark, decimalMark, decimals] = match;
	if (groupMark === '.' && decimalMark === '.') return null;
	const euros = integer.replace(/[ .]/g, '');
	const cents = (decimals ?? '').padEnd(2, '0');
	const value = Number(euros) * 100 + Number(cents);
	return Number.isSafeInteger(value) ? value : null;
}

/** Cents as an amount to put back in a form field: 1234567 → '12345,67', 500 → '5'. */
export function centsToInput(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const euros = Math.floor(Math.abs(cents) / 100);
	const rest = Math.abs(cents) % 100;
	return sign + (rest === 0 ? `${euros}` : `${euros},${String(rest).padStart(2, '0')}`);
}
