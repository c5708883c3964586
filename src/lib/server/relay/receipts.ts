/**
 * Receipts of announcements per organisation: opened (the first time one of its people opened
 * it), acknowledged (once, by whom), and the buyer's follow-up of those that have not.
 * Each change is one conditional UPDATE: two members acknowledging at once record one of them.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
	ANNOUNCEMENT_KIND_LABELS,
	escalationReached,
	receiptStatus
} from '../../domain/relay/announcement';
import { brusselsDay } from '../../domain/brussels-time';
import { formatDateTime } from '../../domain/format';
import { RECEIPT_LABELS } from '../../domain/relay/announcement';
import { ESCALATION_LABELS } from '../../domain/relay/escalation';
import { now } from '../clock';
import { toCsv } from '../catalogue/csv';
import { getDb } from '../db/client';
import { announcementReceipts, organisations, users } from '../db/schema';
import type { AnnouncementRow } from './announcements';
import { peopleOf } from './announcements';
import { notify } from './notify';

export type ReceiptRow = typeof announcementReceipts.$inferSelect;

export function findReceipt(
	announcementId: number,
	organisationId: number
): ReceiptRow | undefined {
	return getDb()
		.select()
		.from(announcementReceipts)
		.where(
			and(
				eq(announcementReceipts.announcementId, announcementId),
				eq(announcementReceipts.organisationId, organisationId)
			)
		)
		.get();
}

/** Records the first opening by one of the organisation's people (no-op if not reached). */
export function markOpened(announcementId: number, user: { id: number; organisationId: number }) {
	getDb()
		.update(announcementReceipts)
		.set({ openedAt: now(), openedBy: user.id })
		.where(
			and(
				eq(announcementReceipts.announcementId, announcementId),
				eq(announcementReceipts.organisationId, user.organisationId),
				isNull(announcementReceipts.openedAt)
			)
		)
		.run();
}

/** Acknowledges for the user's organisation, once; false when it already was (by anyone). */
export function acknowledge(announcementId: number, user: { id: number; organisationId: number }) {
	const at = now();
	const result = getDb()
		.update(announcementReceipts)
		.set({ acknowledgedAt: at, acknowledgedBy: user.id })
		.where(
			and(
				eq(announcementReceipts.announcementId, announcementId),
				eq(announcementReceipts.organisationId, user.organisationId),
				isNull(announcementReceipts.acknowledgedAt)
			)
		)
		.run();
	if (result.changes) markOpened(announcementId, user);
	return result.changes === 1;
}

const opener = alias(users, 'opener');
const acknowledger = alias(users, 'acknowledger');

/** Every reached organisation with its receipt, for the buyer's page and the CSV export. */
export function receiptsOf(a: AnnouncementRow, today = brusselsDay(now())) {
	const rows = getDb()
		.select({
			organisationId: organisations.id,
			name: organisations.name,
			openedAt: announcementReceipts.openedAt,
			openedBy: opener.name,
			acknowledgedAt: announcementReceipts.acknowledgedAt,
			acknowledgedBy: acknowledger.name
		})
		.from(announcementReceipts)
		.innerJoin(organisations, eq(organisations.id, announcementReceipts.organisationId))
		.leftJoin(opener, eq(opener.id, announcementReceipts.openedBy))
		.leftJoin(acknowledger, eq(acknowledger.id, announcementReceipts.acknowledgedBy))
		.where(eq(announcementReceipts.announcementId, a.id))
		.orderBy(organisations.searchName)
		.all();
	const published = brusselsDay(a.publishedAt);
	return rows.map((r) => {
		const status = receiptStatus(r);
		const stage =
			a.requiresAck && status !== 'acknowledged'
				? escalationReached(published, today, a.escalationWorkingDays)
				: null;
		return { ...r, status, stage };
	});
}

export type Receipt = ReturnType<typeof receiptsOf>[number];

export function receiptsCsv(a: AnnouncementRow): string {
	return toCsv(
		['Commune', 'Statut', 'Accusé par', 'Accusé le', 'Ouvert par', 'Ouvert le', 'Relance'],
		receiptsOf(a).map((r) => [
			r.name,
			RECEIPT_LABELS[r.status],
			r.acknowledgedBy,
			r.acknowledgedAt ? formatDateTime(r.acknowledgedAt) : null,
			r.openedBy,
			r.openedAt ? formatDateTime(r.openedAt) : null,
			r.stage ? ESCALATION_LABELS[r.stage] : null
		])
	);
}

/**
 * Reminds the organisations that have not acknowledged (all, or the listed ones), by mail to all
 * their people — or only their referents (the escalation's second stage).
 */
export function remindUnacknowledged(
	a: AnnouncementRow,
	options: { organisationIds?: number[]; referentsOnly?: boolean } = {}
) {
	const pending = receiptsOf(a)
		.filter((r) => r.status !== 'acknowledged')
		.map((r) => r.organisationId)
		.filter((id) => !options.organisationIds || options.organisationIds.includes(id));
	const sent = notify(peopleOf(pending, options.referentsOnly), {
		kind: 'announcement',
		title: `Rappel — accusé de lecture attendu : ${ANNOUNCEMENT_KIND_LABELS[a.kind]} : ${a.title}`,
		link: `/annonces/${a.id}`,
		body: `Votre commune n'a pas encore accusé réception de cette annonce de la centrale.\n\n${a.body}`,
		critical: true
	});
	return { organisations: pending.length, ...sent };
}
