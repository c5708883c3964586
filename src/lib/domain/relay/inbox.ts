/** The filters of the inbox (« Boîte de réception »), by what a notification is. */
export const INBOX_FILTERS = ['tout', 'a-traiter', 'annonces', 'rappels', 'groupes'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export const INBOX_FILTER_LABELS: Record<InboxFilter, string> = {
	tout: 'Tout',
	'a-traiter': 'À traiter',
	annonces: 'Annonces',
	rappels: 'Rappels',
	groupes: 'Groupes'
};

/** The notification kinds' prefix a filter keeps (`group.phase` is a group's), or null for all. */
export const FILTER_KIND_PREFIX: Record<InboxFilter, string | null> = {
	tout: null,
	'a-traiter': null,
	annonces: 'announcement',
	rappels: 'reminder',
	groupes: 'group'
};

export function parseInboxFilter(value: string | null): InboxFilter {
	return (INBOX_FILTERS as readonly string[]).includes(value ?? '')
		? (value as InboxFilter)
		: 'tout';
}
