/** The data of each announcement page, one call per load. */
import { error } from '@sveltejs/kit';
import { and, desc, eq, ne } from 'drizzle-orm';
import { can } from '../../domain/permissions';
import type { SessionUser } from '../auth/session';
import { renderMarkdown } from '../catalogue/markdown';
import { getDb } from '../db/client';
import { contracts, organisations, workingGroups } from '../db/schema';
import { listServed } from './audience';
import { findAnnouncement, listCentraleAnnouncements } from './announcements';
import { findReceipt, markOpened, receiptsOf } from './receipts';

/** The buyer's list of their centrale's announcements. */
export function centraleAnnouncementsPage(user: SessionUser) {
	return { announcements: listCentraleAnnouncements(user.organisationId) };
}

/** What the form offers: the centrale's contracts and groups, and the organisations it serves. */
export function newAnnouncementPage(user: SessionUser) {
	const db = getDb();
	return {
		contracts: db
			.select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
			.from(contracts)
			.where(and(eq(contracts.centraleId, user.organisationId), ne(contracts.status, 'cancelled')))
			.orderBy(desc(contracts.id))
			.all(),
		groups: db
			.select({ id: workingGroups.id, title: workingGroups.title })
			.from(workingGroups)
			.where(eq(workingGroups.centraleId, user.organisationId))
			.orderBy(workingGroups.title)
			.all(),
		served: listServed(user.organisationId)
	};
}

function announcementOr404(id: number) {
	const a = Number.isInteger(id) ? findAnnouncement(id) : undefined;
	if (!a) error(404, 'Cette annonce est introuvable.');
	return a;
}

function linked(contractId: number | null) {
	if (!contractId) return null;
	return (
		getDb()
			.select({ reference: contracts.reference, title: contracts.title })
			.from(contracts)
			.where(eq(contracts.id, contractId))
			.get() ?? null
	);
}

/** The buyer's follow-up of one announcement: every reached commune's receipt. */
export function announcementReceiptsPage(user: SessionUser, id: number) {
	const a = announcementOr404(id);
	if (!can(user, 'announcement.viewReceipts', { centraleId: a.centraleId }))
		error(403, "Vous n'avez pas les droits nécessaires pour cette action.");
	const receipts = receiptsOf(a);
	const count = (s: string) => receipts.filter((r) => r.status === s).length;
	return {
		announcement: a,
		receipts,
		counts: {
			acknowledged: count('acknowledged'),
			opened: count('opened'),
			unopened: count('unopened')
		}
	};
}

/**
 * An announcement as its readers see it. A member of a reached organisation opening it is
 * recorded (the buyer's « ouverte »); members-only announcements need a login.
 */
export function announcementPage(user: SessionUser | null, id: number) {
	const a = announcementOr404(id);
	const receipt = user ? findReceipt(a.id, user.organisationId) : undefined;
	if (!a.isPublic && !user) error(404, 'Cette annonce est introuvable.');
	if (user && receipt && !receipt.openedAt) markOpened(a.id, user);
	const centrale = getDb()
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, a.centraleId))
		.get();
	return {
		announcement: {
			id: a.id,
			kind: a.kind,
			title: a.title,
			html: renderMarkdown(a.body),
			deadline: a.deadline,
			eventDate: a.eventDate,
			publishedAt: a.publishedAt,
			requiresAck: a.requiresAck,
			ackByReferent: a.ackByReferent,
			centraleName: centrale?.name ?? ''
		},
		contract: linked(a.contractId),
		receipt: receipt
			? { acknowledgedAt: receipt.acknowledgedAt, reached: true }
			: { acknowledgedAt: null, reached: false },
		mayAcknowledge:
			!!user &&
			!!receipt &&
			a.requiresAck &&
			!receipt.acknowledgedAt &&
			can(user, 'announcement.acknowledge', {
				organisationId: user.organisationId,
				ackByReferent: a.ackByReferent
			}),
		mayViewReceipts: can(user, 'announcement.viewReceipts', { centraleId: a.centraleId })
	};
}
