import { describe, expect, it } from 'vitest';
import { isCurrent, visibleItems, type NavUser } from '../../src/lib/components/layout/nav';
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
	// the main bar keeps to one row at 1280 px: peers' pages and the plan's are sections
	it.each([
		[null, ['Accueil', 'Catalogue', 'Entre communes', 'Actualités']],
		[
			'agent',
			['Accueil', 'Catalogue', 'Mes achats', 'Groupes de travail', 'Entre communes', 'Actualités']
		],
		[
			'referent',
			[
				'Accueil',
				'Catalogue',
				'Mes achats',
				'Groupes de travail',
				'Entre communes',
				'Actualités',
				'Inviter'
			]
		],
		[
			'buyer',
			[
				'Accueil',
				'Catalogue',
				'Groupes de travail',
				'Entre communes',
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
				'Groupes de travail',
				'Entre communes',
				'Actualités',
				'Gestion des marchés',
				'Inviter',
				'Administration'
			]
		]
	] as [Role | null, string[]][])('%s sees %o', (role, expected) => {
		expect(labels(role)).toEqual(expected);
	});

	const section = (user: NavUser | null, href: string) =>
		visibleItems(user)
			.find((i) => i.href === href)
			?.children?.map((c) => c.label);

	it('shows visitors the public pages between communes, members the private ones too', () => {
		expect(section(null, '/entre-communes')).toEqual([
			'Qui utilise quoi ?',
			'Rencontres',
			'Annuaire'
		]);
		expect(section(userOf('agent'), '/entre-communes')).toEqual([
			'Qui utilise quoi ?',
			'Retours d’expérience',
			'Rencontres',
			'Messages',
			'Annuaire'
		]);
	});

	it.each<[Role, OrganisationKind]>([
		['agent', 'commune'],
		['agent', 'cpas'],
		['referent', 'zone'],
		['referent', 'province']
	])('groups the purchases, the plan and the budget calendar of a %s of a %s', (role, kind) => {
		expect(section(userOf(role, kind), '/mes-marches')).toEqual([
			'Mes marchés',
			'Plan d’achats',
			'Calendrier budgétaire'
		]);
	});

	it('shows no plan nor budget calendar to the people of a centrale with no budget vote', () => {
		const labelsOf = visibleItems(userOf('buyer', 'centrale')).flatMap((i) => [
			i.label,
			...(i.children ?? []).map((c) => c.label)
		]);
		expect(labelsOf).not.toContain('Calendrier budgétaire');
		expect(labelsOf).not.toContain('Plan d’achats');
		expect(labelsOf).not.toContain('Mes achats');
	});

	it('marks a section current on any of its pages', () => {
		const peers = visibleItems(null).find((i) => i.href === '/entre-communes')!;
		expect(isCurrent(peers, '/rencontres/3')).toBe(true);
		expect(isCurrent(peers, '/entre-communes')).toBe(true);
		expect(isCurrent(peers, '/catalogue')).toBe(false);
	});
});
