/**
 * Atom 1.0 feeds of the relay (issue 17, « Feeds »). The public feed holds the public
 * announcements and the catalogue's changes (a new contract, a status change, a relaunch): what a
 * commune or a citizen may follow without an account. The `feed` library writes the format; links
 * go through publicUrl() so they never depend on the request's Host.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { Feed } from 'feed';
import { STATUS_LABELS } from '../../domain/catalogue/labels';
import { ANNOUNCEMENT_KIND_LABELS } from '../../domain/relay/announcement';
import { now } from '../clock';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import {
	announcements,
	contracts,
	notifications,
	organisations,
	userFeedTokens
} from '../db/schema';

export const PUBLIC_FEED_PATH = '/actualites/atom.xml';
export const PERSONAL_FEED_PATH = '/notifications/atom.xml';
const ENTRIES = 50;

type Entry = { id: string; title: string; link: string; summary: string; date: Date; by: string };

function announcementEntries(): Entry[] {
	return getDb()
		.select({
			id: announcements.id,
			kind: announcements.kind,
			title: announcements.title,
			deadline: announcements.deadline,
			publishedAt: announcements.publishedAt,
			centraleName: organisations.name
		})
		.from(announcements)
		.innerJoin(organisations, eq(organisations.id, announcements.centraleId))
		.where(eq(announcements.isPublic, true))
		.orderBy(desc(announcements.publishedAt), desc(announcements.id))
		.limit(ENTRIES)
		.all()
		.map((a) => ({
			id: publicUrl(`/annonces/${a.id}`),
			title: `${ANNOUNCEMENT_KIND_LABELS[a.kind]} : ${a.title}`,
			link: publicUrl(`/annonces/${a.id}`),
			summary: a.deadline ? `Date limite : ${a.deadline}` : ANNOUNCEMENT_KIND_LABELS[a.kind],
			date: a.publishedAt,
			by: a.centraleName
		}));
}

/** One entry per contract version: its creation, then each change of status (or relaunch). */
function catalogueEntries(): Entry[] {
	return getDb()
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			status: contracts.status,
			version: contracts.version,
			predecessorId: contracts.predecessorId,
			createdAt: contracts.createdAt,
			updatedAt: contracts.updatedAt,
			centraleName: organisations.name
		})
		.from(contracts)
		.innerJoin(organisations, eq(organisations.id, contracts.centraleId))
		.orderBy(desc(contracts.updatedAt), desc(contracts.id))
		.limit(ENTRIES)
		.all()
		.map((c) => {
			const what =
				c.version <= 1
					? c.predecessorId
						? 'Relance du marché'
						: 'Nouveau marché'
					: 'Marché mis à jour';
			const link = publicUrl(`/catalogue/${encodeURIComponent(c.reference)}`);
			return {
				// a new version is a new entry, so readers see the change
				id: `${link}#v${c.version}`,
				title: `${what} : ${c.title}`,
				link,
				summary: `${c.reference} — statut : ${STATUS_LABELS[c.status]}`,
				date: c.updatedAt,
				by: c.centraleName
			};
		});
}

function atom(
	title: string,
	selfPath: string,
	alternatePath: string,
	id: string,
	entries: Entry[]
): string {
	const sorted = entries.sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, ENTRIES);
	const feed = new Feed({
		title,
		id,
		link: publicUrl(alternatePath),
		language: 'fr',
		copyright: 'Centrale',
		updated: sorted[0]?.date ?? now(),
		feedLinks: { atom: publicUrl(selfPath) }
	});
	for (const e of sorted)
		feed.addItem({
			title: e.title,
			id: e.id,
			link: e.link,
			description: e.summary,
			date: e.date,
			author: [{ name: e.by }]
		});
	return feed.atom1();
}

/** The public feed: public announcements and catalogue changes, newest first. */
export function publicFeed(): string {
	return atom(
		'Centrale — actualités et marchés',
		PUBLIC_FEED_PATH,
		'/actualites',
		publicUrl(PUBLIC_FEED_PATH),
		[...announcementEntries(), ...catalogueEntries()]
	);
}

/** The person's feed secret, created on first use (24 random bytes: unguessable). */
export function feedTokenOf(userId: number): string {
	const db = getDb();
	const row = db.select().from(userFeedTokens).where(eq(userFeedTokens.userId, userId)).get();
	if (row) return row.token;
	db.insert(userFeedTokens)
		.values({ userId, token: randomBytes(24).toString('base64url') })
		.onConflictDoNothing()
		.run();
	return db.select().from(userFeedTokens).where(eq(userFeedTokens.userId, userId)).get()!.token;
}

/** Replaces the secret (a link shared by mistake): the old address answers 404 at once. */
export function rotateFeedToken(userId: number): string {
	const token = randomBytes(24).toString('base64url');
	getDb()
		.insert(userFeedTokens)
		.values({ userId, token })
		.onConflictDoUpdate({ target: userFeedTokens.userId, set: { token } })
		.run();
	return token;
}

/** The address of a person's inbox feed, secret included (shown only to that person). */
export function personalFeedPath(userId: number): string {
	return `${PERSONAL_FEED_PATH}?jeton=${feedTokenOf(userId)}`;
}

/** The person a feed secret belongs to, or null (wrong or rotated: the route answers 404). */
export function userByFeedToken(given: string | null): number | null {
	if (!given || given.length > 100) return null;
	const row = getDb().select().from(userFeedTokens).where(eq(userFeedTokens.token, given)).get();
	// the lookup went by index; compare again in constant time before trusting it
	if (!row) return null;
	const a = Buffer.from(given);
	const b = Buffer.from(row.token);
	return a.length === b.length && timingSafeEqual(a, b) ? row.userId : null;
}

/** A person's inbox as Atom (archived items included: archiving only tidies the inbox). */
export function personalFeed(userId: number): string {
	const rows = getDb()
		.select()
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(ENTRIES)
		.all();
	return atom(
		'Centrale — ma boîte de réception',
		personalFeedPath(userId),
		'/notifications',
		`urn:centrale:inbox:${userId}`,
		rows.map((n) => ({
			id: `urn:centrale:notification:${n.id}`,
			title: n.title,
			link: publicUrl(n.link),
			summary: n.title,
			date: n.createdAt,
			by: 'Centrale'
		}))
	);
}
