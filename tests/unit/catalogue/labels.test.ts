import { describe, expect, it } from 'vitest';
import {
	BUDGET_NATURES,
	CONTRACT_STATUSES,
	MODULES,
	RECURRENCES,
	VAT_RATES,
	isContractStatus,
	isModule,
	isVatRate
} from '$lib/domain/catalogue/types';
import {
	BUDGET_NATURE_LABELS,
	DOCUMENT_KINDS,
	MODULE_LABELS,
	MODULE_TONES,
	PROCEDURES,
	RECURRENCE_LABELS,
	STATUS_LABELS,
	STATUS_TONES,
	THEMES,
	VAT_RATE_LABELS,
	isDocumentKind,
	isProcedure,
	isTheme
} from '$lib/domain/catalogue/labels';

const TONES = ['info', 'success', 'warning', 'danger', 'neutral'];

describe('catalogue labels', () => {
	it.each([
		['statuses', CONTRACT_STATUSES, STATUS_LABELS],
		['modules', MODULES, MODULE_LABELS],
		['budget natures', BUDGET_NATURES, BUDGET_NATURE_LABELS],
		['recurrences', RECURRENCES, RECURRENCE_LABELS],
		['VAT rates', VAT_RATES, VAT_RATE_LABELS]
	] as const)('labels every one of the %s, and nothing else', (_name, values, labels) => {
		expect(Object.keys(labels).sort()).toEqual(values.map(String).sort());
		for (const value of values) expect((labels as Record<string, string>)[value]).toMatch(/\S/);
	});

	it('shows the statuses with the agreed French words and known tones', () => {
		expect(STATUS_LABELS).toEqual({
			planned: 'À venir',
			tendering: 'Procédure en cours',
			awarded: 'Attribué',
			active: 'Actif',
			expiring: 'Arrive à échéance',
			ended: 'Terminé',
			cancelled: 'Annulé'
		});
		for (const status of CONTRACT_STATUSES) expect(TONES).toContain(STATUS_TONES[status]);
		for (const module of MODULES) expect(TONES).toContain(MODULE_TONES[module]);
		expect(MODULE_LABELS.software).toBe('Logiciel');
		expect(MODULE_LABELS.support).toBe('Accompagnement');
	});

	it.each([
		['themes', THEMES, isTheme, 'cybersecurite'],
		['procedures', PROCEDURES, isProcedure, 'ouverte'],
		['document kinds', DOCUMENT_KINDS, isDocumentKind, 'cahier-des-charges']
	] as const)('has URL-safe slugs and distinct labels for %s', (_name, table, guard, known) => {
		const slugs = Object.keys(table);
		for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		expect(new Set(Object.values(table)).size).toBe(slugs.length);
		expect(guard(known)).toBe(true);
		expect(guard('toString')).toBe(false);
		expect(guard('inconnu')).toBe(false);
		expect(guard(42)).toBe(false);
	});

	it('recognises the required themes and procedures', () => {
		expect(Object.values(THEMES)).toEqual(
			expect.arrayContaining(['E-guichet citoyen', 'Smart city', 'Paiement en ligne'])
		);
		expect(PROCEDURES['negociee-sans-publication']).toBe(
			'Procédure négociée sans publication préalable'
		);
		expect(DOCUMENT_KINDS['convention-adhesion']).toBe("Convention d'adhésion");
	});

	it('guards the closed vocabularies', () => {
		expect(isContractStatus('expiring')).toBe(true);
		expect(isContractStatus('draft')).toBe(false);
		expect(isModule('training')).toBe(true);
		expect(isModule('hosting')).toBe(false);
		expect(isVatRate(6)).toBe(true);
		expect(isVatRate(20)).toBe(false);
		expect(isVatRate('21')).toBe(false);
	});
});
