/** The main navigation: only areas that exist. Each area adds its entry here when it ships. */
import type { Role } from '$lib/domain/roles';

export interface NavItem {
	href: string;
	label: string;
	/** shown only to logged-in users */
	members?: boolean;
	/** shown only to these roles (the pages check rights themselves; this only hides links) */
	roles?: Role[];
}

export const NAV_ITEMS: NavItem[] = [
	{ href: '/', label: 'Accueil' },
	{ href: '/catalogue', label: 'Catalogue' },
	{ href: '/mes-marches', label: 'Mes marchés', members: true },
	{ href: '/groupes', label: 'Groupes de travail', members: true },
	{ href: '/annuaire', label: 'Annuaire' },
	{
		href: '/compte/calendrier-budgetaire',
		label: 'Calendrier budgétaire',
		roles: ['referent', 'agent']
	},
	{ href: '/gestion', label: 'Gestion des marchés', roles: ['buyer', 'admin'] },
	{ href: '/inviter', label: 'Inviter', roles: ['referent', 'buyer', 'admin'] },
	{ href: '/admin', label: 'Administration', roles: ['admin'] }
];

/** The entries a visitor (null) or a user with this role sees. */
export function visibleItems(user: { role: Role } | null): NavItem[] {
	return NAV_ITEMS.filter(
		(item) => (!item.members || user) && (!item.roles || (user && item.roles.includes(user.role)))
	);
}

/** true when `pathname` is the item's page or below it */
export function isCurrent(item: NavItem, pathname: string): boolean {
	return item.href === '/'
		? pathname === '/'
		: pathname === item.href || pathname.startsWith(item.href + '/');
}
