import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	allowedTransitions,
	canAdhere,
	canDeclareInterest,
	canOrder,
	checkTransition,
	contractEnd,
	effectiveStatus
} from '$lib/domain/catalogue/lifecycle';
import { CONTRACT_STATUSES } from '$lib/domain/catalogue/types';
import type { ContractStatus, LifecycleSnapshot } from '$lib/domain/catalogue/types';

const TODAY = '2026-11-25';

/** A contract that satisfies every guard: only the status varies unless a test says otherwise. */
function snapshot(overrides: Partial<LifecycleSnapshot> = {}): LifecycleSnapshot {
	return {
		status: 'planned',
		lots: [
			{ id: 1, supplierId: 10, endDate: null },
			{ id: 2, supplierId: 11, endDate: '2027-12-31' }
		],
		endDate: '2028-06-30',
		maxEndDate: '2030-06-30',
		interestDeadline: '2026-12-15',
		tenderCloseDate: '2027-01-15',
		awardDate: '2026-10-01',
		startDate: '2026-11-01',
		hasSuccessor: false,
		...overrides
	};
}

/** The whole transition table for a contract that meets every guard. */
const TABLE: Record<ContractStatus, ContractStatus[]> = {
	planned: ['tendering', 'cancelled'],
	tendering: ['awarded', 'cancelled'],
	awarded: ['active', 'cancelled'],
	active: ['expiring', 'ended'],
	expiring: ['ended'],
	ended: [],
	cancelled: []
};

const reason = (verdict: { ok: boolean; reason?: string }) =>
	verdict.ok ? 'ok' : (verdict as { reason: string }).reason;

describe('checkTransition: the table', () => {
	for (const from of CONTRACT_STATUSES) {
		for (const to of CONTRACT_STATUSES) {
			const expected = TABLE[from].includes(to);
			it(`${from} → ${to}: ${expected ? 'allowed' : 'refused'}`, () => {
				const verdict = checkTransition(snapshot({ status: from }), to, TODAY);
				expect(verdict.ok).toBe(expected);
				if (!verdict.ok) expect(verdict.reason).toMatch(/^[A-ZÀ-Ý0-9].+\.$/);
			});
		}
	}

	it('lists the allowed transitions in lifecycle order', () => {
		for (const from of CONTRACT_STATUSES) {
			expect(allowedTransitions(snapshot({ status: from }), TODAY)).toEqual(TABLE[from]);
		}
	});

	it('explains why a final status cannot change', () => {
		expect(reason(checkTransition(snapshot({ status: 'ended' }), 'active', TODAY))).toBe(
			'Un marché au statut « Terminé » ne peut plus changer de statut.'
		);
		expect(reason(checkTransition(snapshot({ status: 'active' }), 'active', TODAY))).toBe(
			'Le marché est déjà au statut « Actif ».'
		);
		expect(reason(checkTransition(snapshot({ status: 'planned' }), 'active', TODAY))).toBe(
			'Un marché au statut « À venir » ne peut pas passer au statut « Actif ».'
		);
	});
});

describe('checkTransition: the guards', () => {
	const noSupplier = [
		{ id: 1, supplierId: null, endDate: null },
		{ id: 2, supplierId: 11, endDate: null }
	];
	it.each([
		['award without lots', 'tendering', 'awarded', { lots: [] }, /au moins un lot/],
		[
			'award with a lot lacking a supplier',
			'tendering',
			'awarded',
			{ lots: noSupplier },
			/Un lot n’a pas encore d’adjudicataire/
		],
		[
			'award with two lots lacking a supplier',
			'tendering',
			'awarded',
			{ lots: noSupplier.map((l) => ({ ...l, supplierId: null })) },
			/2 lots/
		],
		[
			'award dated in the future',
			'tendering',
			'awarded',
			{ awardDate: '2026-11-26' },
			/26 novembre 2026/
		],
		[
			'activate without an end date',
			'awarded',
			'active',
			{ endDate: null, maxEndDate: null },
			/date de fin/
		],
		[
			'activate without an end date but a maximum',
			'awarded',
			'active',
			{ endDate: null },
			/date de fin/
		],
		[
			'activate before the start date',
			'awarded',
			'active',
			{ startDate: '2026-11-26' },
			/à partir du 26 novembre 2026/
		],
		['activate a lot without supplier', 'awarded', 'active', { lots: noSupplier }, /adjudicataire/],
		[
			'activate with end before start',
			'awarded',
			'active',
			{ startDate: '2026-01-01', endDate: '2025-12-31' },
			/précède la date de début/
		],
		[
			'activate with maximum before end',
			'awarded',
			'active',
			{ maxEndDate: '2028-01-01' },
			/maximale/
		],
		[
			'activate after the end',
			'awarded',
			'active',
			{ startDate: null, endDate: '2026-11-24' },
			/a pris fin le 24 novembre 2026/
		],
		['expiring after the end', 'active', 'expiring', { endDate: '2026-11-24' }, /a pris fin/],
		[
			'expiring without an end date',
			'active',
			'expiring',
			{ endDate: null, maxEndDate: null },
			/date de fin/
		]
	] as const)('refuses to %s', (_name, from, to, overrides, message) => {
		const verdict = checkTransition(snapshot({ status: from, ...overrides }), to, TODAY);
		expect(reason(verdict)).toMatch(message);
	});

	it.each([
		['award on its award day', 'tendering', 'awarded', { awardDate: TODAY }],
		['award without an award date yet', 'tendering', 'awarded', { awardDate: null }],
		['activate on the start day', 'awarded', 'active', { startDate: TODAY }],
		['activate on the last day', 'awarded', 'active', { endDate: TODAY }],
		['activate without a start date', 'awarded', 'active', { startDate: null }],
		['activate without a maximum end date', 'awarded', 'active', { maxEndDate: null }],
		['end a contract early', 'active', 'ended', { endDate: '2030-01-01' }],
		['end a contract past its end', 'expiring', 'ended', { endDate: '2020-01-01' }],
		[
			'cancel a procedure with lots lacking suppliers',
			'tendering',
			'cancelled',
			{ lots: noSupplier }
		]
	] as const)('allows to %s', (_name, from, to, overrides) => {
		expect(checkTransition(snapshot({ status: from, ...overrides }), to, TODAY)).toEqual({
			ok: true
		});
	});
});

describe('effectiveStatus', () => {
	it.each([
		['active far from its end', 'active', { endDate: '2028-01-01' }, 'active'],
		['active just outside the horizon', 'active', { endDate: '2027-05-25' }, 'active'],
		['active on the horizon day', 'active', { endDate: '2027-05-24' }, 'expiring'],
		['active ending today', 'active', { endDate: TODAY }, 'expiring'],
		['active ended yesterday', 'active', { endDate: '2026-11-24' }, 'ended'],
		[
			'active past its maximum end',
			'active',
			{ endDate: '2027-01-01', maxEndDate: '2026-11-01' },
			'ended'
		],
		[
			'active with only a maximum end date',
			'active',
			{ endDate: null, maxEndDate: '2026-12-01' },
			'expiring'
		],
		['active without any end date', 'active', { endDate: null, maxEndDate: null }, 'active'],
		['expiring past its end', 'expiring', { endDate: '2026-11-24' }, 'ended'],
		[
			'expiring far from its end (stored by a buyer)',
			'expiring',
			{ endDate: '2030-01-01' },
			'expiring'
		],
		['awarded past its end', 'awarded', { endDate: '2020-01-01' }, 'awarded'],
		['planned', 'planned', {}, 'planned'],
		['cancelled', 'cancelled', {}, 'cancelled'],
		['ended before its end date', 'ended', { endDate: '2030-01-01' }, 'ended']
	] as const)('shows %s as the right status', (_name, status, overrides, expected) => {
		expect(effectiveStatus(snapshot({ status, ...overrides }), TODAY)).toBe(expected);
	});

	it('takes the relaunch horizon as a parameter', () => {
		const s = snapshot({ status: 'active', endDate: '2027-01-24' });
		expect(effectiveStatus(s, TODAY, 30)).toBe('active');
		expect(effectiveStatus(s, TODAY, 60)).toBe('expiring');
	});

	it('uses the earlier of the end and the maximum end', () => {
		expect(contractEnd(snapshot({ endDate: '2028-01-01', maxEndDate: '2027-01-01' }))).toBe(
			'2027-01-01'
		);
		expect(contractEnd(snapshot({ endDate: '2027-01-01', maxEndDate: null }))).toBe('2027-01-01');
		expect(contractEnd(snapshot({ endDate: null, maxEndDate: null }))).toBeNull();
	});
});

describe('canDeclareInterest', () => {
	it.each([
		['planned', {}, 'ok'],
		['tendering', {}, 'ok'],
		['tendering', { interestDeadline: TODAY }, 'ok'],
		['tendering', { interestDeadline: null }, 'ok'],
		[
			'planned',
			{ interestDeadline: '2026-11-24' },
			'Le délai pour manifester son intérêt a expiré le 24 novembre 2026.'
		],
		[
			'awarded',
			{},
			'Les manifestations d’intérêt ne sont recueillies qu’avant l’attribution du marché.'
		],
		['active', {}, /avant l’attribution/],
		['expiring', {}, /avant l’attribution/],
		['ended', {}, /avant l’attribution/],
		['cancelled', {}, /avant l’attribution/]
	] as const)('%s %o → %s', (status, overrides, expected) => {
		const verdict = reason(canDeclareInterest(snapshot({ status, ...overrides }), TODAY));
		if (typeof expected === 'string') expect(verdict).toBe(expected);
		else expect(verdict).toMatch(expected);
	});
});

describe('canAdhere and canOrder', () => {
	it.each([
		['active', {}, 'ok'],
		['expiring', {}, 'ok'],
		['active', { endDate: TODAY }, 'ok'],
		['active', { endDate: '2026-11-24' }, 'Le marché a pris fin le 24 novembre 2026.'],
		['expiring', { maxEndDate: '2026-11-24' }, 'Le marché a pris fin le 24 novembre 2026.'],
		['ended', { endDate: '2030-01-01' }, 'Le marché est terminé.'],
		['cancelled', {}, 'Le marché a été annulé.'],
		['planned', {}, 'Le marché n’est pas encore ouvert aux adhésions (À venir).'],
		['tendering', {}, /pas encore ouvert/],
		['awarded', {}, /pas encore ouvert aux adhésions \(Attribué\)/],
		[
			'active',
			{ startDate: '2026-12-01' },
			'Le marché est ouvert aux adhésions à partir du 1 décembre 2026.'
		],
		['active', { endDate: null, maxEndDate: null }, 'Indiquez la date de fin du marché.']
	] as const)('adhesion to %s %o → %s', (status, overrides, expected) => {
		const s = snapshot({ status, ...overrides });
		const verdict = reason(canAdhere(s, TODAY));
		if (typeof expected === 'string') expect(verdict).toBe(expected);
		else expect(verdict).toMatch(expected);
		// an order is never possible where adhesion is not
		if (verdict !== 'ok') expect(reason(canOrder(s, 1, TODAY))).toBe(verdict);
	});

	it.each([
		[1, {}, 'ok'],
		[2, {}, 'ok'],
		[3, {}, 'Ce lot n’appartient pas à ce marché.'],
		[
			2,
			{ lots: [{ id: 2, supplierId: 11, endDate: '2026-11-24' }] },
			'Ce lot a pris fin le 24 novembre 2026.'
		],
		[2, { lots: [{ id: 2, supplierId: 11, endDate: TODAY }] }, 'ok'],
		[2, { lots: [{ id: 2, supplierId: null, endDate: null }] }, 'Ce lot n’a pas d’adjudicataire.']
	] as const)('order on lot %i of an active contract %o → %s', (lotId, overrides, expected) => {
		const s = snapshot({ status: 'active', ...overrides });
		expect(reason(canOrder(s, lotId, TODAY))).toBe(expected);
	});
});

describe('lifecycle invariants', () => {
	const day = fc
		.date({
			min: new Date('2024-01-01T00:00:00Z'),
			max: new Date('2031-12-31T00:00:00Z'),
			noInvalidDate: true
		})
		.map((d) => d.toISOString().slice(0, 10));
	const maybeDay = fc.option(day, { nil: null });
	const arbitrarySnapshot: fc.Arbitrary<LifecycleSnapshot> = fc.record({
		status: fc.constantFrom(...CONTRACT_STATUSES),
		lots: fc.array(
			fc.record({
				id: fc.integer({ min: 1, max: 5 }),
				supplierId: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
				endDate: maybeDay
			}),
			{ maxLength: 4 }
		),
		endDate: maybeDay,
		maxEndDate: maybeDay,
		interestDeadline: maybeDay,
		tenderCloseDate: maybeDay,
		awardDate: maybeDay,
		startDate: maybeDay,
		hasSuccessor: fc.boolean()
	});

	it('only ever allows transitions of the table, and none out of a final status', () => {
		fc.assert(
			fc.property(arbitrarySnapshot, day, (s, today) => {
				for (const to of allowedTransitions(s, today)) expect(TABLE[s.status]).toContain(to);
			})
		);
	});

	it('never shows a running contract past its end, nor changes statuses a buyer decides', () => {
		fc.assert(
			fc.property(arbitrarySnapshot, day, fc.integer({ min: 0, max: 720 }), (s, today, horizon) => {
				const shown = effectiveStatus(s, today, horizon);
				const end = contractEnd(s);
				if (s.status !== 'active' && s.status !== 'expiring') expect(shown).toBe(s.status);
				else if (end && end < today) expect(shown).toBe('ended');
				else expect(['active', 'expiring']).toContain(shown);
			})
		);
	});

	it('allows an order only where adhesion is allowed and the lot runs', () => {
		fc.assert(
			fc.property(arbitrarySnapshot, day, fc.integer({ min: 1, max: 5 }), (s, today, lotId) => {
				if (!canOrder(s, lotId, today).ok) return;
				expect(canAdhere(s, today).ok).toBe(true);
				const lot = s.lots.find((l) => l.id === lotId);
				expect(lot?.supplierId).not.toBeNull();
				expect(contractEnd(s)! >= today).toBe(true);
				if (lot?.endDate) expect(lot.endDate >= today).toBe(true);
			})
		);
	});

	it('collects interest only before the award', () => {
		fc.assert(
			fc.property(arbitrarySnapshot, day, (s, today) => {
				if (canDeclareInterest(s, today).ok) expect(['planned', 'tendering']).toContain(s.status);
			})
		);
	});
});
