import { describe, expect, it } from 'vitest';
import { visibleItems, type NavUser } from '../../src/lib/components/layout/nav';
import type { OrganisationKind, Role } from '../../src/lib/domain/roles';

/** each role in the kind of organisation it belongs to */
const KIND_OF: Record<Role, OrganisationKind> = {
	agent: 'commune',
	referent: 'commune',
	buyer: 'intercommunale',
	admin: 'platform'
};
const userOf = (role: Role, kind = KIND_OF[role]): NavUser => ({
	id: 1,
	role,
	organisationId: 7,
	organisationKind: kind
});
const labels = (role: Role | null) => visibleItems(role ? userOf(role) : null).map((i) => i.label);

describe('main navigation', () => {
	it.each([
		[null, ['Accueil', 'Catalogue', 'Annuaire', 'Qui utilise quoi ?', 'Rencontres', 'Actualités']],
		[
			'agent',
			[
				'Accueil',
				'Catalogue',
				'Mes marchés',
				'Groupes de travail',
				'Annuaire',
				'Qui utilise quoi ?',
				'Rencontres',
				'Actualités',
				'Calendrier budgétaire',
				'Plan d’achats'
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
				'Qui utilise quoi ?',
				'Rencontres',
				'Actualités',
				'Calendrier budgétaire',
				'Plan d’achats',
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
				'Qui utilise quoi ?',
				'Rencontres',
				'Actualités',
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
				'Qui utilise quoi ?',
				'Rencontres',
				'Actualités',
				'Gestion des marchés',
				'Inviter',
				'Administration'
			]
		]
	] as [Role | null, string[]][])('%s sees %o', (role, expected) => {
		expect(labels(role)).toEqual(expected);
	});

	it.each<[Role, OrganisationKind]>([
		['agent', 'cpas'],
		['referent', 'zone'],
		['referent', 'province']
	])('shows the budget calendar to a %s of a %s too', (role, kind) => {
		expect(visibleItems(userOf(role, kind)).map((i) => i.label)).toContain('Calendrier budgétaire');
	});

	it('shows no budget calendar to the people of a centrale with no budget vote', () => {
		expect(visibleItems(userOf('buyer', 'centrale')).map((i) => i.label)).not.toContain(
			'Calendrier budgétaire'
		);
	});
});
