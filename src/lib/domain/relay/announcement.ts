/** Announcements (« annonces ») of a centrale: kinds and what a buyer reads of each commune's receipt. */
import { dueStages, type EscalationStage } from './escalation';

export const ANNOUNCEMENT_KINDS = [
	'new-contract',
	'relaunch',
	'deadline',
	'conditions',
	'event',
	'general'
] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

export const ANNOUNCEMENT_KIND_LABELS: Record<AnnouncementKind, string> = {
	'new-contract': 'Nouveau marché',
	relaunch: 'Relance de marché',
	deadline: 'Échéance',
	conditions: 'Changement de conditions',
	event: 'Événement',
	general: 'Information générale'
};

export type ReceiptStatus = 'acknowledged' | 'opened' | 'unopened';

export const RECEIPT_LABELS: Record<ReceiptStatus, string> = {
	acknowledged: 'Accusé de lecture',
	opened: 'Ouverte, sans accusé',
	unopened: 'Pas encore ouverte'
};

export function receiptStatus(r: {
	openedAt: Date | null;
	acknowledgedAt: Date | null;
}): ReceiptStatus {
	if (r.acknowledgedAt) return 'acknowledged';
	return r.openedAt ? 'opened' : 'unopened';
}

/**
 * Where a commune that has not acknowledged stands in the escalation on `today`: the furthest
 * stage reached (a reminder sent, its referent written to, to be called), or null.
 */
export function escalationReached(
	publishedDay: string,
	today: string,
	workingDays: number
): EscalationStage | null {
	const reached = dueStages(publishedDay, today, [], workingDays);
	return reached.length ? reached[reached.length - 1] : null;
}
