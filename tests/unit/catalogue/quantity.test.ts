import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineTotal, quantityHundredths } from '$lib/domain/catalogue/money';
import {
	parseQuantity,
	quantityFromHundredths,
	quantityToInput
} from '$lib/domain/catalogue/quantity';
import { formatQuantity } from '$lib/domain/format';

describe('parseQuantity: accepted', () => {
	it.each([
		['2,5', 250],
		['2.5', 250],
		[' 3 ', 300],
		['1 000', 100_000],
		['1\u00a0000,25', 100_025],
		['12 345 678', 1_234_567_800],
		['0,25', 25],
		['0.05', 5],
		['0', 0],
		['007', 700],
		['3,', null]
	] as const)('%j → %s hundredths', (text, expected) => {
		const parsed = parseQuantity(text);
		if (expected === null) expect(parsed.ok).toBe(false);
		else expect(parsed).toEqual({ ok: true, hundredths: expected });
	});
});

describe('parseQuantity: refused with a French message', () => {
	it.each([
		['-1', 'La quantité ne peut pas être négative.'],
		['2,555', 'La quantité a au plus deux décimales, par exemple 2,5.'],
		['1.000', 'La quantité a au plus deux décimales, par exemple 2,5.'],
		['abc', 'Indiquez une quantité en chiffres, par exemple 3 ou 2,5.'],
		['', 'Indiquez une quantité.'],
		['   ', 'Indiquez une quantité.'],
		['1 00', 'Indiquez une quantité en chiffres, par exemple 3 ou 2,5.'],
		['2,5,1', 'Indiquez une quantité en chiffres, par exemple 3 ou 2,5.'],
		['1e3', 'Indiquez une quantité en chiffres, par exemple 3 ou 2,5.'],
		['99999999999', 'Cette quantité est trop élevée.']
	] as const)('%j: %s', (text, message) => {
		expect(parseQuantity(text)).toEqual({ ok: false, message });
	});
});

describe('round trips', () => {
	it.each([
		[250, '2,5', '2,5'],
		[205, '2,05', '2,05'],
		[300, '3', '3'],
		[100_000, '1000', '1\u202f000']
	] as const)('%i hundredths ↔ input %j, shown %j', (hundredths, input, shown) => {
		expect(quantityToInput(hundredths)).toBe(input);
		expect(formatQuantity(hundredths).replace(/\s/g, ' ')).toBe(shown.replace(/\s/g, ' '));
	});

	it('parses back what it puts in a form, and money.ts takes the number exactly', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (hundredths) => {
				expect(parseQuantity(quantityToInput(hundredths))).toEqual({ ok: true, hundredths });
				expect(parseQuantity(quantityToInput(hundredths).replace(',', '.'))).toEqual({
					ok: true,
					hundredths
				});
				expect(quantityHundredths(quantityFromHundredths(hundredths))).toBe(hundredths);
			})
		);
	});

	it('prices 2,5 days at 780,00 € to 1 950,00 €', () => {
		const parsed = parseQuantity('2,5');
		expect(parsed.ok && lineTotal(quantityFromHundredths(parsed.hundredths), 78_000)).toBe(195_000);
	});
});
