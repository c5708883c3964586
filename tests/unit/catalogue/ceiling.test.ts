import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilingCheck } from '$lib/domain/catalogue/ceiling';

const MAX = 10_000_000; // 100 000,00 €

describe('ceilingCheck', () => {
	it.each([
		[0, 0, 'ok', 10_000_000],
		[0, 7_999_999, 'ok', 2_000_001],
		[7_000_000, 999_999, 'ok', 2_000_001], // 79,99999 %
		[7_000_000, 1_000_000, 'warning', 2_000_000], // exactly 80 %
		[8_000_000, 0, 'warning', 2_000_000],
		[9_000_000, 999_999, 'warning', 1],
		[9_000_000, 1_000_000, 'warning', 0], // exactly the maximum: allowed
		[9_000_000, 1_000_001, 'exceeded', -1], // one cent over: refused
		[10_000_000, 1, 'exceeded', -1],
		[12_000_000, 0, 'exceeded', -2_000_000]
	] as const)(
		'with %i committed and %i more: %s, %i cents remaining',
		(committed, additional, level, remaining) => {
			const check = ceilingCheck(MAX, committed, additional);
			expect(check.level).toBe(level);
			expect(check.remainingCents).toBe(remaining);
			expect(check.ratio).toBeCloseTo((committed + additional) / MAX, 12);
			expect(check.message).toMatch(/\.$/);
		}
	);

	it('warns from 80 % with the amounts, in French', () => {
		const check = ceilingCheck(MAX, 8_000_000, 500_000);
		expect(check.message).toBe(
			'Attention : avec cette commande, 85 % du montant maximal du marché (100\u202f000,00\u00a0€) sera engagé ; il restera 15\u202f000,00\u00a0€ avant l’épuisement de l’accord-cadre.'
		);
		expect(ceilingCheck(MAX, 8_000_000, 0).message).toBe(
			'Attention : 80 % du montant maximal du marché (100\u202f000,00\u00a0€) est engagé ; il reste 20\u202f000,00\u00a0€ avant l’épuisement de l’accord-cadre.'
		);
	});

	it('explains a refusal with what is still available and the rule', () => {
		const check = ceilingCheck(MAX, 9_500_000, 600_000);
		expect(check.message).toContain('Cette commande (6\u202f000,00\u00a0€ HTVA) dépasserait');
		expect(check.message).toContain('il reste 5\u202f000,00\u00a0€ disponibles');
		expect(check.message).toContain('C-216/17 Coopservice');
		expect(ceilingCheck(MAX, 11_000_000, 1).message).toContain('il reste 0,00\u00a0€ disponibles');
		expect(ceilingCheck(MAX, 11_000_000, 0).message).toMatch(/^Le montant maximal du marché/);
	});

	it('shows 79 % rather than rounding up to a warning figure', () => {
		const check = ceilingCheck(MAX, 7_999_999, 0);
		expect(check.level).toBe('ok');
		expect(check.message).toMatch(/^79 % du montant maximal/);
		expect(ceilingCheck(MAX, 100_000, 50_000).message).toMatch(
			/^Avec cette commande, 1 %.*il restera 98\u202f500,00/
		);
	});

	it('has no ceiling when no maximum is recorded', () => {
		expect(ceilingCheck(null, 9e12, 9e12)).toEqual({
			level: 'ok',
			ratio: null,
			remainingCents: null,
			message: 'Ce marché n’a pas de montant maximal enregistré.'
		});
	});

	it.each([
		[0, 0, 0, /positif/],
		[-1, 0, 0, /montant maximal/],
		[MAX, -1, 0, /montant engagé/],
		[MAX, 0, 1.5, /commande/],
		[null, Number.NaN, 0, /montant engagé/]
	])('refuses nonsense inputs (%o, %o, %o)', (max, committed, additional, message) => {
		expect(() => ceilingCheck(max, committed, additional)).toThrow(message);
	});

	it('refuses exactly the orders that go past the maximum, and warns exactly from 80 %', () => {
		const cents = fc.integer({ min: 0, max: 1e13 });
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1e13 }), cents, cents, (max, committed, extra) => {
				const check = ceilingCheck(max, committed, extra);
				const total = committed + extra;
				expect(check.level === 'exceeded').toBe(total > max);
				if (check.level !== 'exceeded')
					expect(check.level === 'warning').toBe(5 * total >= 4 * max);
				expect(check.remainingCents).toBe(max - total);
				// an order never turns a worse state into a better one
				const before = ceilingCheck(max, committed, 0).level;
				const rank = { ok: 0, warning: 1, exceeded: 2 };
				expect(rank[check.level]).toBeGreaterThanOrEqual(rank[before]);
			})
		);
	});
});
