import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateOrder, type EstimateItem } from '$lib/domain/catalogue/order-estimate';
import { orderTotals } from '$lib/domain/catalogue/money';

const ITEMS: EstimateItem[] = [
	{ id: 1, label: 'Licence annuelle', unitPriceCents: 120_000, vatRate: 21 },
	{ id: 2, label: 'Journée de formation', unitPriceCents: 64_000, vatRate: 0 },
	{ id: 3, label: 'Paramétrage', unitPriceCents: 78_050, vatRate: 21 },
	{ id: 4, label: 'Module à venir', unitPriceCents: null, vatRate: 21 }
];
const OPEN = { maxValueCents: null, committedCents: 0 };

describe('estimateOrder', () => {
	it('totals what is typed, with VAT per rate, as the server will', () => {
		const e = estimateOrder(ITEMS, { 1: '2', 2: '2,5', 3: '' }, OPEN);
		expect(e.problems).toEqual([]);
		expect(e.totals.exclVatCents).toBe(240_000 + 160_000);
		expect(e.totals.vatByRate).toEqual([
			{ rate: 21, baseCents: 240_000, vatCents: 50_400 },
			{ rate: 0, baseCents: 160_000, vatCents: 0 }
		]);
		expect(e.totals.inclVatCents).toBe(450_400);
	});

	it('rounds VAT half up to the cent, as the server does', () => {
		// 21 % of 780,50 € is 163,905 €
		const e = estimateOrder(ITEMS, { 3: '1' }, OPEN);
		expect(e.totals.vatCents).toBe(16_391);
	});

	it('counts nothing for blank quantities or items without a price', () => {
		const e = estimateOrder(ITEMS, { 1: '  ', 4: '3' }, OPEN);
		expect(e.totals.exclVatCents).toBe(0);
		expect(e.totals.vatByRate).toEqual([]);
		expect(e.problems).toEqual([]);
	});

	it('names the quantity it cannot read and totals the others', () => {
		const e = estimateOrder(ITEMS, { 1: '1', 2: '2,555', 3: 'trois' }, OPEN);
		expect(e.totals.exclVatCents).toBe(120_000);
		expect(e.problems.map((p) => p.itemId)).toEqual([2, 3]);
		expect(e.problems[0].message).toBe(
			'Journée de formation : La quantité a au plus deux décimales, par exemple 2,5.'
		);
	});

	it('says what remains of the maximum, and when the order would exceed it', () => {
		const contract = { maxValueCents: 1_000_000, committedCents: 700_000 };
		const within = estimateOrder(ITEMS, { 1: '2' }, contract);
		expect(within.ceiling.level).toBe('warning');
		expect(within.ceiling.remainingCents).toBe(60_000);
		const over = estimateOrder(ITEMS, { 1: '3' }, contract);
		expect(over.ceiling.level).toBe('exceeded');
		expect(over.ceiling.message).toContain('dépasserait le montant maximal');
	});

	it('reports an amount too large to compute instead of throwing', () => {
		const e = estimateOrder(
			[{ id: 9, label: 'Serveur', unitPriceCents: 900_000_000_000, vatRate: 21 }],
			{ 9: '999 999 999' },
			OPEN
		);
		expect(e.problems).toEqual([
			{ itemId: 0, message: 'Ces quantités donnent un montant trop élevé.' }
		]);
		expect(e.totals.exclVatCents).toBe(0);
	});

	it('agrees with orderTotals on any readable quantities', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 3, maxLength: 3 }),
				(hs) => {
					const typed = Object.fromEntries(
						hs.map((h, i) => [i + 1, String(h / 100).replace('.', ',')])
					);
					const e = estimateOrder(ITEMS, typed, OPEN);
					const expected = orderTotals(
						hs.map((h, i) => ({
							quantity: h / 100,
							unitPriceCents: ITEMS[i].unitPriceCents!,
							vatRate: ITEMS[i].vatRate as 21 | 0
						}))
					);
					expect(e.totals).toEqual(expected);
				}
			)
		);
	});
});
