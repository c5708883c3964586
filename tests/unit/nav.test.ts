import { describe, expect, it } from 'vitest';
import { visibleItems } from '../../src/lib/components/layout/nav';
import type { Role } from '../../src/lib/domain/roles';

const labels = (role: Role | null) => visibleItems(role ? { role } : null).map((i) => i.label);

describe('main navigation', () => {
	it.each([
		[null, ['Accueil', 'Catalogue', 'Annuaire']],
		[
			'agent',
			[
				'Accueil',
				'Catalogue',
				'Mes marchés',
				'Groupes de travail',
				'Annuaire',
				'Calendrier budgétaire'
			]
		],
		[
			'referent',
			[
				'Accueil',
				'Catalogue',
				'Mes marchés',
				'Groupes de travail',
				'Annuaire',
				'Calendrier budgétaire',
				'Inviter'
			]
		],
		[
			'buyer',
			[
				'Accueil',
				'Catalogue',
				'Mes marchés',
				'Groupes de travail',
				'Annuaire',
				'Gestion des marchés',
				'Inviter'
			]
		],
		[
			'admin',
			[
				'Accueil',
				'Catalogue',
				'Mes marchés',
				'Groupes de travail',
				'Annuaire',
				'Gestion des marchés',
				'Inviter',
				'Administration'
			]
		]
	] as [Role | null, string[]][])('%s sees %o', (role, expected) => {
		expect(labels(role)).toEqual(expected);
	});
});
