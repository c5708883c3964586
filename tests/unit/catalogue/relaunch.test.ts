import { describe, expect, it } from 'vitest';
import { canRelaunch, relaunchPlan } from '$lib/domain/catalogue/relaunch';
import type { RelaunchSource } from '$lib/domain/catalogue/relaunch';
import type { LifecycleSnapshot } from '$lib/domain/catalogue/types';

const TODAY = '2026-11-25';

function snapshot(overrides: Partial<LifecycleSnapshot>): LifecycleSnapshot {
	return {
		status: 'active',
		lots: [{ id: 1, supplierId: 5, endDate: null }],
		endDate: '2027-03-31',
		maxEndDate: null,
		interestDeadline: null,
		tenderCloseDate: null,
		awardDate: '2023-03-01',
		startDate: '2023-04-01',
		hasSuccessor: false,
		...overrides
	};
}

const SOURCE: RelaunchSource = {
	id: 40,
	reference: 'IDEA-2023-002',
	title: 'E-guichet citoyen',
	summary: 'Formulaires en ligne pour les citoyens.',
	description: '## Objet\nUn guichet en ligne.',
	theme: 'e-guichet',
	procedure: 'ouverte',
	cpvCodes: ['72000000-5'],
	centraleId: 2,
	modules: ['software', 'training'],
	lots: [
		{
			number: 1,
			title: 'Plateforme',
			priceItems: [
				{
					label: 'Abonnement annuel',
					unit: 'an',
					unitPriceCents: 480_000,
					vatRate: 21,
					recurrence: 'yearly',
					budgetNature: 'ordinaire',
					suggestedArticle: '104/123-13',
					module: 'software'
				},
				{
					label: 'Mise en service',
					unit: 'forfait',
					unitPriceCents: 250_000,
					vatRate: 21,
					recurrence: 'one_off',
					budgetNature: 'extraordinaire',
					suggestedArticle: null,
					module: null
				}
			]
		},
		{ number: 2, title: 'Formation', priceItems: [] }
	],
	documents: [
		{ id: 9, kind: 'cahier-des-charges', title: 'Cahier spécial des charges', isPublic: true },
		{ id: 10, kind: 'convention-adhesion', title: 'Convention', isPublic: false }
	],
	adhesions: [
		{ organisationId: 12, withdrawn: false },
		{ organisationId: 7, withdrawn: false },
		{ organisationId: 30, withdrawn: true },
		{ organisationId: 12, withdrawn: false }
	]
};

describe('canRelaunch', () => {
	it.each([
		['active', {}, 'ok'],
		['active', { endDate: '2026-12-31' }, 'ok'],
		['expiring', {}, 'ok'],
		['ended', {}, 'ok'],
		['active', { endDate: '2026-01-01' }, 'ok'],
		['expiring', { hasSuccessor: true }, 'Ce marché a déjà un successeur.'],
		[
			'planned',
			{},
			'Seul un marché actif, arrivant à échéance ou terminé peut être relancé (statut : À venir).'
		],
		['tendering', {}, /Procédure en cours/],
		['awarded', {}, /Attribué/],
		['cancelled', {}, /Annulé/]
	] as const)('%s %o → %s', (status, overrides, expected) => {
		const verdict = canRelaunch(snapshot({ status, ...overrides }), TODAY);
		const text = verdict.ok ? 'ok' : verdict.reason;
		if (typeof expected === 'string') expect(text).toBe(expected);
		else expect(text).toMatch(expected);
	});
});

describe('relaunchPlan', () => {
	const plan = relaunchPlan(SOURCE);

	it('copies the description and links the predecessor, as a planned contract', () => {
		expect(plan.successor).toMatchObject({
			title: 'E-guichet citoyen',
			summary: SOURCE.summary,
			description: SOURCE.description,
			theme: 'e-guichet',
			procedure: 'ouverte',
			cpvCodes: ['72000000-5'],
			centraleId: 2,
			modules: ['software', 'training'],
			status: 'planned',
			predecessorId: 40
		});
	});

	it('copies the lots without supplier nor end date, prices kept only as a reference', () => {
		expect(
			plan.successor.lots.map((lot) => [lot.number, lot.title, lot.supplierId, lot.endDate])
		).toEqual([
			[1, 'Plateforme', null, null],
			[2, 'Formation', null, null]
		]);
		expect(plan.successor.lots[0].priceItems[0]).toEqual({
			label: 'Abonnement annuel',
			unit: 'an',
			previousUnitPriceCents: 480_000,
			vatRate: 21,
			recurrence: 'yearly',
			budgetNature: 'ordinaire',
			suggestedArticle: '104/123-13',
			module: 'software'
		});
		expect(plan.successor.lots[0].priceItems[1]).not.toHaveProperty('unitPriceCents');
	});

	it.each([
		['a priced item', 480_000, null, 480_000],
		['a relaunch not yet priced: its own reference carries on', null, 455_000, 455_000],
		['an item with neither', null, null, null]
	] as const)('relaunching %s gives the reference %s', (_, price, reference, expected) => {
		const item = { ...SOURCE.lots[0].priceItems[0], unitPriceCents: price };
		const source = {
			...SOURCE,
			lots: [
				{
					number: 1,
					title: 'Plateforme',
					priceItems: [{ ...item, referenceUnitPriceCents: reference }]
				}
			]
		};
		const copied = relaunchPlan(source).successor.lots[0].priceItems[0];
		expect(copied.previousUnitPriceCents).toBe(expected);
		expect(copied).not.toHaveProperty('referenceUnitPriceCents');
	});

	it('marks every copied document to review, keeping its visibility', () => {
		expect(plan.successor.documents).toEqual([
			{
				sourceId: 9,
				kind: 'cahier-des-charges',
				title: 'Cahier spécial des charges',
				isPublic: true,
				reviewNote: 'Repris du marché IDEA-2023-002 : à revoir avant publication.'
			},
			{
				sourceId: 10,
				kind: 'convention-adhesion',
				title: 'Convention',
				isPublic: false,
				reviewNote: 'Repris du marché IDEA-2023-002 : à revoir avant publication.'
			}
		]);
	});

	it('lists each running adherent once, to invite to the new interest round', () => {
		expect(plan.adherentOrganisationIds).toEqual([7, 12]);
	});

	it('gives the buyer a checklist fitted to what was copied', () => {
		expect(plan.checklist).toHaveLength(5);
		expect(plan.checklist).toContain('Revoir les 2 documents repris avant de les publier.');
		expect(plan.checklist.join(' ')).toMatch(/Coopservice/);
		const bare = relaunchPlan({
			...SOURCE,
			lots: [],
			documents: [SOURCE.documents[0]],
			adhesions: []
		});
		expect(bare.checklist).toContain('Revoir le document repris avant de le publier.');
		expect(bare.checklist.join(' ')).not.toMatch(/prix de référence/);
		expect(bare.adherentOrganisationIds).toEqual([]);
	});

	it('does not share arrays with its source', () => {
		plan.successor.modules.push('audit');
		plan.successor.cpvCodes.push('48000000');
		expect(SOURCE.modules).toEqual(['software', 'training']);
		expect(SOURCE.cpvCodes).toEqual(['72000000-5']);
	});
});
