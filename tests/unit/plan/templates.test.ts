import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../../src/lib/domain/plan/documents';
import {
	BUILT_IN_TEMPLATES,
	fillTemplate,
	SAMPLE_VALUES,
	templateProblem,
	toBlocks,
	unknownPlaceholders
} from '../../../src/lib/domain/plan/templates';

describe('document templates', () => {
	it('uses only known placeholders in every built-in template', () => {
		for (const kind of DOCUMENT_KINDS) expect(templateProblem(BUILT_IN_TEMPLATES[kind])).toBeNull();
	});

	it('refuses unknown placeholders, naming them and the valid ones', () => {
		expect(unknownPlaceholders('{commune} {communes} {x} {x}')).toEqual(['communes', 'x']);
		const problem = templateProblem('Vu {commune} et {budget}');
		expect(problem).toMatch(/^Champ inconnu : \{budget\}\. Champs valides : \{commune\}, \{nis\}/);
		expect(templateProblem('  ')).toBe('Le modèle est vide.');
	});

	it('fills placeholders and keeps the others visible', () => {
		expect(fillTemplate('{commune} ({nis})', { commune: 'Mons', nis: '53053' })).toBe(
			'Mons (53053)'
		);
	});

	it('reads titles, headings, items and paragraphs', () => {
		expect(toBlocks('# T\n## H\n- a\n\nVu b ;')).toEqual([
			{ kind: 'title', text: 'T' },
			{ kind: 'heading', text: 'H' },
			{ kind: 'item', text: 'a' },
			{ kind: 'paragraph', text: 'Vu b ;' }
		]);
	});

	it('writes deliberations as Vu / Considérant / Décide with the legal references', () => {
		const council = BUILT_IN_TEMPLATES.councilMembership;
		expect(council).toMatch(/^Vu .*L1222-7/m);
		expect(council).toMatch(/^Considérant/m);
		expect(council).toMatch(/Décide :/);
		expect(BUILT_IN_TEMPLATES.collegeInterest).toMatch(/C-216\/17/);
		expect(BUILT_IN_TEMPLATES.budgetSheet).toMatch(
			/article à confirmer par le directeur financier/
		);
	});

	it('previews every built-in template with the sample commune, leaving no placeholder', () => {
		for (const kind of DOCUMENT_KINDS) {
			const filled = fillTemplate(BUILT_IN_TEMPLATES[kind], SAMPLE_VALUES);
			expect(filled).not.toMatch(/\{[^{}\s]*\}/);
			expect(filled).toContain('Commune exemple');
		}
	});
});
