import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '$lib/domain/format';
import {
	centsToInput,
	lineTotal,
	orderTotals,
	parseEuroAmount,
	quantityHundredths,
	vatOn
} from '$lib/domain/catalogue/money';
import { VAT_RATES } from '$lib/domain/catalogue/types';
import type { OrderLineInput } from '$lib/domain/catalogue/money';

describe('lineTotal', () => {
	it.each([
		[1, 12_345, 12_345],
		[3, 999, 2_997],
		[0, 50_000, 0],
		[1.5, 80_000, 120_000],
		[0.29, 100, 29],
		[0.5, 1, 1], // 0.5 cent rounds half away from zero
		[0.49, 1, 0],
		[2.5, 3, 8], // 7.5 → 8
		[0.01, 49, 0],
		[0.01, 50, 1],
		[1_000_000, 99_999_999, 99_999_999_000_000]
	])('%d × %i cents = %i cents', (quantity, unit, expected) => {
		expect(lineTotal(quantity, unit)).toBe(expected);
	});

	it.each([
		[-1, 100, /positif/],
		[Number.NaN, 100, /positif/],
		[Number.POSITIVE_INFINITY, 100, /positif/],
		[1.005, 100, /deux décimales/],
		[0.001, 100, /deux décimales/],
		[1, -1, /prix unitaire/],
		[1, 10.5, /prix unitaire/],
		[1, Number.NaN, /prix unitaire/],
		[1e15, 1e9, /trop élevé/]
	])('refuses %d × %d', (quantity, unit, message) => {
		expect(() => lineTotal(quantity, unit)).toThrow(message);
	});

	it('reads every quantity with two decimals exactly', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000_000 }), (hundredths) => {
				expect(quantityHundredths(hundredths / 100)).toBe(hundredths);
			})
		);
	});
});

describe('orderTotals', () => {
	it('computes VAT per rate on the base sum, not per line', () => {
		// three lines of 0,02 € at 21 %: per line 3 × 0,00 = 0,00; on the base 0,06 → 0,0126 → 0,01
		const totals = orderTotals([
			{ quantity: 1, unitPriceCents: 2, vatRate: 21 },
			{ quantity: 1, unitPriceCents: 2, vatRate: 21 },
			{ quantity: 1, unitPriceCents: 2, vatRate: 21 }
		]);
		expect(totals).toEqual({
			exclVatCents: 6,
			vatByRate: [{ rate: 21, baseCents: 6, vatCents: 1 }],
			vatCents: 1,
			inclVatCents: 7
		});
	});

	it('lists each rate present, highest first', () => {
		const totals = orderTotals([
			{ quantity: 2, unitPriceCents: 10_000, vatRate: 6 },
			{ quantity: 1.5, unitPriceCents: 85_000, vatRate: 21 },
			{ quantity: 10, unitPriceCents: 1_250, vatRate: 0 },
			{ quantity: 1, unitPriceCents: 4_990, vatRate: 21 }
		]);
		expect(totals).toEqual({
			exclVatCents: 20_000 + 127_500 + 12_500 + 4_990,
			vatByRate: [
				{ rate: 21, baseCents: 132_490, vatCents: 27_823 }, // 27 822,9 → 27 823
				{ rate: 6, baseCents: 20_000, vatCents: 1_200 },
				{ rate: 0, baseCents: 12_500, vatCents: 0 }
			],
			vatCents: 29_023,
			inclVatCents: 164_990 + 29_023
		});
	});

	it('totals an empty order to zero', () => {
		expect(orderTotals([])).toEqual({
			exclVatCents: 0,
			vatByRate: [],
			vatCents: 0,
			inclVatCents: 0
		});
	});

	it('rounds VAT half away from zero', () => {
		expect(vatOn(50, 21)).toBe(11); // 10,5 → 11
		expect(vatOn(25, 6)).toBe(2); // 1,5 → 2
		expect(vatOn(24, 6)).toBe(1); // 1,44 → 1
		expect(vatOn(1_000, 12)).toBe(120);
	});

	it('refuses an unknown VAT rate', () => {
		const line = { quantity: 1, unitPriceCents: 100, vatRate: 20 } as unknown as OrderLineInput;
		expect(() => orderTotals([line])).toThrow(/TVA/);
	});

	const line = fc.record({
		quantity: fc.integer({ min: 0, max: 100_000 }).map((h) => h / 100),
		unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
		vatRate: fc.constantFrom(...VAT_RATES)
	});

	it('keeps its invariants: sums of parts, incl = excl + VAT, non-negative, order-free', () => {
		fc.assert(
			fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
				const totals = orderTotals(lines);
				const sumOfLines = lines.reduce((s, l) => s + lineTotal(l.quantity, l.unitPriceCents), 0);
				expect(totals.exclVatCents).toBe(sumOfLines);
				expect(totals.exclVatCents).toBe(totals.vatByRate.reduce((s, v) => s + v.baseCents, 0));
				expect(totals.vatCents).toBe(totals.vatByRate.reduce((s, v) => s + v.vatCents, 0));
				expect(totals.inclVatCents).toBe(totals.exclVatCents + totals.vatCents);
				for (const entry of totals.vatByRate) {
					expect(entry.baseCents).toBeGreaterThanOrEqual(0);
					expect(Number.isInteger(entry.vatCents)).toBe(true);
					// within half a cent of the exact VAT
					expect(
						Math.abs(entry.vatCents - (entry.baseCents * entry.rate) / 100)
					).toBeLessThanOrEqual(0.5);
				}
				expect(orderTotals([...lines].reverse())).toEqual(totals);
				expect(new Set(totals.vatByRate.map((v) => v.rate)).size).toBe(totals.vatByRate.length);
			})
		);
	});

	it('adds up when two orders are merged, except per-rate rounding of at most a cent per rate', () => {
		fc.assert(
			fc.property(fc.array(line), fc.array(line), (a, b) => {
				const merged = orderTotals([...a, ...b]);
				const apart = [orderTotals(a), orderTotals(b)];
				expect(merged.exclVatCents).toBe(apart[0].exclVatCents + apart[1].exclVatCents);
				const vatApart = apart[0].vatCents + apart[1].vatCents;
				expect(Math.abs(merged.vatCents - vatApart)).toBeLessThanOrEqual(VAT_RATES.length);
			})
		);
	});
});

describe('parseEuroAmount', () => {
	it.each([
		['12 345,67', 1_234_567],
		['12\u00a0345,67', 1_234_567],
		['12\u202f345,67 €', 1_234_567],
		['€ 12 345,67', 1_234_567],
		['€12345.67', 1_234_567],
		['12345,6', 1_234_560],
		['1.234.567,89', 123_456_789],
		['1.500', 150_000],
		['1.50', 150],
		['1 500.5', 150_050],
		['0,05', 5],
		['  42  ', 4_200],
		['0', 0],
		['007', 700]
	])('reads %j as %i cents', (text, cents) => {
		expect(parseEuroAmount(text)).toBe(cents);
	});

	it.each([
		'',
		'€',
		'abc',
		'-5',
		'+5',
		'12,345',
		'1,234,567',
		'1.234.56',
		'12 34,00',
		'12  345',
		'1,2,3',
		'12,',
		',5',
		'1e3',
		'12 345,678',
		'99999999999999999999'
	])('refuses %j', (text) => {
		expect(parseEuroAmount(text)).toBeNull();
	});

	it('reads back what formatMoney and centsToInput write', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e12 }), (cents) => {
				expect(parseEuroAmount(formatMoney(cents))).toBe(cents);
				expect(parseEuroAmount(centsToInput(cents))).toBe(cents);
			})
		);
	});

	it('writes amounts for form fields', () => {
		expect(centsToInput(1_234_567)).toBe('12345,67');
		expect(centsToInput(500)).toBe('5');
		expect(centsToInput(5)).toBe('0,05');
		expect(centsToInput(-50)).toBe('-0,50');
	});
});
