import { describe, expect, it } from 'vitest';
import { checkTransition } from '$lib/domain/catalogue/lifecycle';
import {
	canOrderItem,
	isPriced,
	referencePriceText,
	unpricedMessage
} from '$lib/domain/catalogue/pricing';
import type { LifecycleSnapshot } from '$lib/domain/catalogue/types';

const TODAY = '2026-11-25';

describe('canOrderItem and isPriced', () => {
	it.each([
		[{ label: 'Licence', unitPriceCents: 12_000 }, true],
		[{ label: 'Gratuit', unitPriceCents: 0 }, true],
		[{ label: 'Licence', unitPriceCents: null }, false],
		[{ label: 'Licence', unitPriceCents: null, referenceUnitPriceCents: 9_900 }, false]
	] as const)('%o: orderable %s', (item, expected) => {
		expect(isPriced(item)).toBe(expected);
		const verdict = canOrderItem(item);
		expect(verdict.ok).toBe(expected);
		if (!verdict.ok) {
			expect(verdict.reason).toBe(unpricedMessage(item.label));
			expect(verdict.reason).toContain('« Licence » n’a pas encore de prix (prix à fixer)');
		}
	});
});

describe('referencePriceText', () => {
	it.each([
		[{ label: 'x', unitPriceCents: null, referenceUnitPriceCents: 480_000 }, /4\s800,00\s€$/],
		[{ label: 'x', unitPriceCents: null, referenceUnitPriceCents: null }, null],
		[{ label: 'x', unitPriceCents: 100 }, null]
	] as const)('%o → %s', (item, expected) => {
		const text = referencePriceText(item);
		if (expected === null) expect(text).toBeNull();
		else {
			expect(text).toMatch(/^Prix de référence du marché précédent : /);
			expect(text).toMatch(expected);
		}
	});
});

describe('activation needs the awarded prices', () => {
	const base: LifecycleSnapshot = {
		status: 'awarded',
		lots: [],
		endDate: '2028-06-30',
		maxEndDate: null,
		interestDeadline: null,
		tenderCloseDate: null,
		awardDate: '2026-10-01',
		startDate: '2026-11-01',
		hasSuccessor: false
	};
	const lot = (id: number, unpricedItems?: number) => ({
		id,
		supplierId: 10 + id,
		endDate: null,
		unpricedItems
	});
	it.each([
		['every item priced', [lot(1, 0), lot(2, 0)], 'ok'],
		['the count omitted (no items known)', [lot(1)], 'ok'],
		['one item unpriced', [lot(1, 1), lot(2, 0)], 'Un poste du bordereau n’a pas encore de prix'],
		[
			'three items unpriced on two lots',
			[lot(1, 2), lot(2, 1)],
			'3 postes du bordereau n’ont pas encore de prix'
		]
	] as const)('%s', (_, lots, expected) => {
		const verdict = checkTransition({ ...base, lots }, 'active', TODAY);
		if (expected === 'ok') expect(verdict).toEqual({ ok: true });
		else {
			expect(verdict.ok).toBe(false);
			if (!verdict.ok) {
				expect(verdict.reason.startsWith(expected)).toBe(true);
				expect(verdict.reason).toContain('fixez les prix attribués avant d’activer le marché');
			}
		}
	});

	it('checks the supplier first, and does not hold back an award or a cancellation', () => {
		const unawarded = {
			...base,
			lots: [{ id: 1, supplierId: null, endDate: null, unpricedItems: 2 }]
		};
		const verdict = checkTransition(unawarded, 'active', TODAY);
		expect(verdict.ok ? '' : verdict.reason).toContain('adjudicataire');
		const tendering = { ...base, status: 'tendering' as const, lots: [lot(1, 4)] };
		expect(checkTransition(tendering, 'awarded', TODAY).ok).toBe(true);
		expect(checkTransition({ ...base, lots: [lot(1, 4)] }, 'cancelled', TODAY).ok).toBe(true);
	});
});
