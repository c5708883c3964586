/**
 * notify(): the one way an area tells people something. Every recipient gets an in-app
 * notification; those whose preference for the kind is « courriel immédiat » (and everyone, for
 * a critical announcement) also get a mail through the outbox. Digest channels are picked up
 * later by the digest job. One statement per 500 rows, one transaction: publishing to the 2,620
 * people of 262 communes is a few milliseconds of SQLite, and delivery runs after it.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
	channelFor,
	KIND_LABELS,
	preferenceKind,
	type Channel,
	type NotificationKind
} from '../../domain/relay/preferences';
import { now } from '../clock';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { notificationPreferences, notifications, users } from '../db/schema';
import { enqueueMails, type Mail } from '../mail/outbox';
import { unsubscribeTokensFor, unsubscribeUrl } from './preferences';

export interface Notice {
	/** what it is, e.g. `announcement`, `reminder.contract-end`, `group.phase` */
	kind: string;
	title: string;
	/** the page it is about, a path on the portal */
	link: string;
	/** the mail's text above the link; the title alone when omitted */
	body?: string;
	/** critical announcements always go out by mail at once */
	critical?: boolean;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
	return out;
}

/** Each person's chosen channel for one preference kind (no row: the default). */
function chosenChannels(userIds: readonly number[], kind: NotificationKind): Map<number, Channel> {
	const db = getDb();
	const chosen = new Map<number, Channel>();
	for (const ids of chunks(userIds)) {
		const rows = db
			.select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
			.from(notificationPreferences)
			.where(
				and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, ids))
			)
			.all();
		for (const r of rows) chosen.set(r.userId, r.channel);
	}
	return chosen;
}

export function noticeMail(to: string, notice: Notice, unsubscribe: string): Mail {
	const kind = preferenceKind(notice.kind) ?? 'announcement';
	const text = [
		notice.body ?? notice.title,
		'',
		publicUrl(notice.link),
		'',
		'—',
		notice.critical
			? 'Annonce avec accusé de lecture : elle vous est toujours envoyée par courriel.'
			: `Ne plus recevoir ces courriels (« ${KIND_LABELS[kind]} ») : ${unsubscribe}`,
		`Gérer vos préférences : ${publicUrl('/compte/notifications')}`,
		''
	].join('\n');
	return { to, subject: notice.title, text, kind: notice.kind, listUnsubscribe: unsubscribe };
}

/** Notifies each listed active person once; returns how many were notified and mailed. */
export function notify(userIds: readonly number[], notice: Notice, at: Date = now()) {
	const unique = [...new Set(userIds)];
	if (!unique.length) return { notified: 0, mailed: 0 };
	const db = getDb();
	const kind = preferenceKind(notice.kind);
	const mails: Mail[] = [];
	const toMail: { id: number; email: string }[] = [];
	let notified = 0;
	db.transaction(() => {
		const chosen = kind ? chosenChannels(unique, kind) : new Map<number, Channel>();
		for (const ids of chunks(unique)) {
			const people = db
				.select({ id: users.id, email: users.email })
				.from(users)
				.where(and(inArray(users.id, ids), isNull(users.disabledAt)))
				.all();
			if (!people.length) continue;
			notified += people.length;
			db.insert(notifications)
				.values(
					people.map((p) => ({
						userId: p.id,
						kind: notice.kind,
						title: notice.title,
						link: notice.link,
						createdAt: at
					}))
				)
				.run();
			// kinds outside the relay's preferences (orders, backups) send their own mail
			if (!kind) continue;
			for (const p of people) {
				const channel = channelFor(kind, { [kind]: chosen.get(p.id) }, notice.critical);
				if (channel === 'immediate') toMail.push(p);
			}
		}
		const tokens = unsubscribeTokensFor(toMail.map((p) => p.id));
		for (const p of toMail)
			mails.push(noticeMail(p.email, notice, unsubscribeUrl(tokens.get(p.id)!, kind!)));
		enqueueMails(mails);
	});
	return { notified, mailed: mails.length };
}
