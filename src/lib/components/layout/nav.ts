/** The main navigation: only areas that exist. Each area adds its entry here when it ships. */
import { can, type Actor } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';

/** The logged-in user as the navigation needs to see them. */
export interface NavUser extends Actor {
	organisationKind: OrganisationKind;
}

export interface NavItem {
	href: string;
	label: string;
	/** shown only to logged-in users */
	members?: boolean;
	/**
	 * shown only to logged-in users for whom this is true: the right the page itself checks (this
	 * only hides links; the page still refuses on its own)
	 */
	shows?: (user: NavUser) => boolean;
}

export const NAV_ITEMS: NavItem[] = [
	{ href: '/', label: 'Accueil' },
	{ href: '/catalogue', label: 'Catalogue' },
	{ href: '/mes-marches', label: 'Mes marchés', members: true },
	{ href: '/groupes', label: 'Groupes de travail', members: true },
	{ href: '/annuaire', label: 'Annuaire' },
	{ href: '/qui-utilise-quoi', label: 'Qui utilise quoi ?' },
	{ href: '/rencontres', label: 'Rencontres' },
	{ href: '/actualites', label: 'Actualités' },
	{
		href: '/compte/calendrier-budgetaire',
		label: 'Calendrier budgétaire',
		// people of an authority that votes a budget, reading their own (buyers pick one in the page)
		shows: (user) =>
			can(user, 'budgetCalendar.view', {
				organisationId: user.organisationId,
				kind: user.organisationKind
			})
	},
	{
		href: '/plan-achats',
		label: 'Plan d’achats',
		// the commune's own plan: its members only (the page refuses everyone else)
		shows: (user) =>
			can(user, 'plan.view', { organisationId: user.organisationId, kind: user.organisationKind })
	},
	{ href: '/gestion', label: 'Gestion des marchés', shows: (user) => can(user, 'contract.create') },
	{ href: '/inviter', label: 'Inviter', shows: (user) => can(user, 'invitation.send') },
	{ href: '/admin', label: 'Administration', shows: (user) => can(user, 'organisation.manage') }
];

/** The entries a visitor (null) or this user sees. */
export function visibleItems(user: NavUser | null): NavItem[] {
	return NAV_ITEMS.filter((item) => {
		if (!item.members && !item.shows) return true;
		return !!user && (!item.shows || item.shows(user));
	});
}

/** true when `pathname` is the item's page or below it */
export function isCurrent(item: NavItem, pathname: string): boolean {
	return item.href === '/'
		? pathname === '/'
		: pathname === item.href || pathname.startsWith(item.href + '/');
}
