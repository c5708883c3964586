/** The main navigation: only areas that exist. Each area adds its entry here when it ships. */
export interface NavItem {
	href: string;
	label: string;
	/** shown only to logged-in users */
	members?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
	{ href: '/', label: 'Accueil' },
	{ href: '/catalogue', label: 'Catalogue' },
	{ href: '/mes-marches', label: 'Mes marchés', members: true },
	{ href: '/groupes', label: 'Groupes de travail', members: true },
	{ href: '/annuaire', label: 'Annuaire' }
];

/** true when `pathname` is the item's page or below it */
export function isCurrent(item: NavItem, pathname: string): boolean {
	return item.href === '/'
		? pathname === '/'
		: pathname === item.href || pathname.startsWith(item.href + '/');
}
