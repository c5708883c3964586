/** The main navigation: only areas that exist. Each area adds its entry here when it ships. */
import { can, type Actor } from '$lib/domain/permissions';
import { BUYING_KINDS, type OrganisationKind } from '$lib/domain/roles';

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
	/**
	 * the pages of a section: the main bar shows the section once, and the section's own bar
	 * (under the main one, on its pages) shows these. Keeps the main bar to one row.
	 */
	children?: NavItem[];
}

const buysForItself = (user: NavUser) =>
	BUYING_KINDS.includes(user.organisationKind) &&
	can(user, 'commune.viewPurchases', { organisationId: user.organisationId });

export const NAV_ITEMS: NavItem[] = [
	{ href: '/', label: 'Accueil' },
	{ href: '/catalogue', label: 'Catalogue' },
	{
		href: '/mes-marches',
		label: 'Mes achats',
		// what a commune (or CPAS, zone, province) buys: its contracts, its plan, its budget calendar
		shows: buysForItself,
		children: [
			{ href: '/mes-marches', label: 'Mes marchés' },
			{
				href: '/plan-achats',
				label: 'Plan d’achats',
				shows: (user) =>
					can(user, 'plan.view', {
						organisationId: user.organisationId,
						kind: user.organisationKind
					})
			},
			{
				href: '/compte/calendrier-budgetaire',
				label: 'Calendrier budgétaire',
				shows: (user) =>
					can(user, 'budgetCalendar.view', {
						organisationId: user.organisationId,
						kind: user.organisationKind
					})
			}
		]
	},
	{ href: '/groupes', label: 'Groupes de travail', members: true },
	{
		href: '/entre-communes',
		label: 'Entre communes',
		children: [
			{ href: '/qui-utilise-quoi', label: 'Qui utilise quoi ?' },
			{ href: '/retours', label: 'Retours d’expérience', members: true },
			{ href: '/rencontres', label: 'Rencontres' },
			{ href: '/messages', label: 'Messages', members: true },
			{ href: '/annuaire', label: 'Annuaire' }
		]
	},
	{ href: '/actualites', label: 'Actualités' },
	{ href: '/gestion', label: 'Gestion des marchés', shows: (user) => can(user, 'contract.create') },
	{ href: '/inviter', label: 'Inviter', shows: (user) => can(user, 'invitation.send') },
	{ href: '/admin', label: 'Administration', shows: (user) => can(user, 'organisation.manage') }
];

function isVisible(item: NavItem, user: NavUser | null): boolean {
	if (!item.members && !item.shows) return true;
	return !!user && (!item.shows || item.shows(user));
}

/** The entries a visitor (null) or this user sees, each section with the pages they see in it. */
export function visibleItems(user: NavUser | null): NavItem[] {
	return NAV_ITEMS.filter((item) => isVisible(item, user)).map((item) =>
		item.children
			? { ...item, children: item.children.filter((child) => isVisible(child, user)) }
			: item
	);
}

/** true when `pathname` is the item's page or below it */
export function isCurrent(item: NavItem, pathname: string): boolean {
	if (item.children?.some((child) => isCurrent(child, pathname))) return true;
	return item.href === '/'
		? pathname === '/'
		: pathname === item.href || pathname.startsWith(item.href + '/');
}
