/**
 * Demo announcements: a critical relaunch from IGRETEC to its territory that Charleroi has
 * acknowledged, Seneffe opened without acknowledging and the others have not opened, and a
 * public event from IDEA. Rows only: the demo sends no mail.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import {
	announcementReceipts,
	announcements,
	contracts,
	notifications,
	organisations,
	territories,
	users
} from '../schema';

const DAY = 86_400_000;

function orgId(db: Db, slug: string): number {
	const row = db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, slug))
		.get();
	if (!row) throw new Error(`demo announcements: no ${slug}`);
	return row.id;
}

function userId(db: Db, email: string): number | null {
	return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
}

export function seedDemoAnnouncements(db: Db) {
	const igretec = orgId(db, 'igretec');
	const now = Date.now();
	const contract = db
		.select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
		.from(contracts)
		.where(eq(contracts.centraleId, igretec))
		.get();
	const relaunch = db
		.insert(announcements)
		.values({
			centraleId: igretec,
			kind: 'relaunch',
			title: contract ? `Relance du marché ${contract.reference}` : 'Relance d’un marché',
			body:
				'Le marché arrive à échéance et sera **relancé**. Pour continuer à en bénéficier, votre ' +
				'commune devra :\n\n- manifester son intérêt pour le nouveau marché ;\n- prévoir une ' +
				'nouvelle délibération du collège.',
			contractId: contract?.id ?? null,
			deadline: new Date(now + 45 * DAY).toISOString().slice(0, 10),
			audience: { kind: 'territory' },
			requiresAck: true,
			publishedBy: userId(db, 'acheteur@igretec.demo'),
			publishedAt: new Date(now - 6 * DAY)
		})
		.returning()
		.get();
	const reached = db
		.select({ id: territories.communeId })
		.from(territories)
		.where(eq(territories.intercommunaleId, igretec))
		.all()
		.map((r) => r.id);
	if (reached.length) {
		db.insert(announcementReceipts)
			.values(reached.map((organisationId) => ({ announcementId: relaunch.id, organisationId })))
			.run();
	}
	const charleroiReferent = userId(db, 'referent@charleroi.demo');
	const seneffeReferent = userId(db, 'referent@seneffe.demo');
	const receipt = (slug: string) =>
		and(
			eq(announcementReceipts.announcementId, relaunch.id),
			eq(announcementReceipts.organisationId, orgId(db, slug))
		);
	db.update(announcementReceipts)
		.set({
			openedAt: new Date(now - 5 * DAY),
			openedBy: charleroiReferent,
			acknowledgedAt: new Date(now - 5 * DAY),
			acknowledgedBy: charleroiReferent
		})
		.where(receipt('charleroi'))
		.run();
	db.update(announcementReceipts)
		.set({ openedAt: new Date(now - 4 * DAY), openedBy: seneffeReferent })
		.where(receipt('seneffe'))
		.run();
	const people = reached.length
		? db.select({ id: users.id }).from(users).where(inArray(users.organisationId, reached)).all()
		: [];
	if (people.length) {
		db.insert(notifications)
			.values(
				people.map((p) => ({
					userId: p.id,
					kind: 'announcement',
					title: `Relance de marché : ${relaunch.title}`,
					link: `/annonces/${relaunch.id}`,
					createdAt: relaunch.publishedAt
				}))
			)
			.run();
	}
	db.insert(announcements)
		.values({
			centraleId: orgId(db, 'idea'),
			kind: 'event',
			title: 'Matinée d’information : la cybersécurité dans les communes',
			body: 'Présentation des marchés disponibles et retours d’expérience de trois communes.',
			eventDate: new Date(now + 20 * DAY).toISOString().slice(0, 10),
			audience: { kind: 'territory' },
			publishedBy: userId(db, 'acheteur@idea.demo'),
			publishedAt: new Date(now - 2 * DAY)
		})
		.run();
}
