/**
 * How each person hears about each kind of information: in the portal only, an immediate mail,
 * or a daily or weekly digest. Critical announcements (« Accusé de lecture requis ») always send
 * an immediate mail, whatever the preference: a centrale must know, not hope, that it arrived.
 */
export const NOTIFICATION_KINDS = ['announcement', 'reminder', 'group', 'follow'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const KIND_LABELS: Record<NotificationKind, string> = {
	announcement: 'Annonces des centrales',
	reminder: 'Rappels (échéances, fins de marché, calendrier budgétaire)',
	group: 'Groupes de travail',
	follow: 'Marchés, lots, adjudicataires et thématiques suivis'
};

export const CHANNELS = ['app', 'immediate', 'daily', 'weekly'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
	app: 'Dans le portail uniquement',
	immediate: 'Courriel immédiat',
	daily: 'Résumé quotidien',
	weekly: 'Résumé hebdomadaire'
};

export const DEFAULT_CHANNELS: Record<NotificationKind, Channel> = {
	announcement: 'immediate',
	reminder: 'immediate',
	group: 'daily',
	follow: 'weekly'
};

export function isNotificationKind(value: string): value is NotificationKind {
	return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * Maps the many notification kinds areas write (e.g. `group.phase`) to a preference kind; null
 * for kinds whose area sends its own mail (orders, backups): those stay in the portal here.
 */
export function preferenceKind(kind: string): NotificationKind | null {
	const head = kind.split('.')[0];
	return isNotificationKind(head) ? head : null;
}

/** The channel that applies: the person's choice, the default, or `immediate` when critical. */
export function channelFor(
	kind: NotificationKind,
	chosen: Partial<Record<NotificationKind, Channel>>,
	critical = false
): Channel {
	if (critical) return 'immediate';
	return chosen[kind] ?? DEFAULT_CHANNELS[kind];
}
