/**
 * Daily and weekly digests (server/jobs): for each person, the notifications of the job's window
 * whose kind they chose to receive this way, grouped by subject, in one mail with a text and an
 * HTML part. Nobody with nothing new gets a mail. The window is the durable schedule's (from the
 * last covered instant to this run), so a run missed during a downtime is caught up once; the
 * outbox makes the sending itself durable.
 */
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { digestHtml, digestText, groupDigest, subjectOf } from '../../domain/relay/digest';
import {
	channelFor,
	KIND_LABELS,
	preferenceKind,
	type Channel,
	type NotificationKind
} from '../../domain/relay/preferences';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { notificationPreferences, notifications, users } from '../db/schema';
import { enqueueMails, type Mail } from '../mail/outbox';
import { unsubscribeTokensFor, unsubscribeUrl } from './preferences';

type Period = 'daily' | 'weekly';

function choices(): Map<number, Partial<Record<NotificationKind, Channel>>> {
	const out = new Map<number, Partial<Record<NotificationKind, Channel>>>();
	for (const r of getDb().select().from(notificationPreferences).all()) {
		const mine = out.get(r.userId) ?? {};
		mine[r.kind] = r.channel;
		out.set(r.userId, mine);
	}
	return out;
}

/** Queues one digest per person with something new in (from, to]; returns how many. */
export function sendDigests(period: Period, from: Date, to: Date): number {
	const chosen = choices();
	const rows = getDb()
		.select({
			userId: notifications.userId,
			email: users.email,
			kind: notifications.kind,
			title: notifications.title,
			link: notifications.link,
			at: notifications.createdAt
		})
		.from(notifications)
		.innerJoin(users, eq(users.id, notifications.userId))
		.where(
			and(
				gt(notifications.createdAt, from),
				lte(notifications.createdAt, to),
				isNull(users.disabledAt)
			)
		)
		.orderBy(notifications.userId)
		.all();
	const byUser = new Map<
		number,
		{ email: string; kinds: Set<NotificationKind>; items: typeof rows }
	>();
	for (const r of rows) {
		const kind = preferenceKind(r.kind);
		if (!kind || channelFor(kind, chosen.get(r.userId) ?? {}) !== period) continue;
		const entry = byUser.get(r.userId) ?? { email: r.email, kinds: new Set(), items: [] };
		entry.kinds.add(kind);
		entry.items.push(r);
		byUser.set(r.userId, entry);
	}
	const tokens = unsubscribeTokensFor([...byUser.keys()]);
	const mails: Mail[] = [];
	for (const [userId, { email, kinds, items }] of byUser) {
		const groups = groupDigest(
			items.map((i) => {
				const subject = subjectOf(i.link);
				return {
					subjectKey: subject.key,
					subjectTitle: subject.title,
					title: i.title,
					link: i.link,
					at: i.at
				};
			})
		);
		const text = digestText(period, groups, publicUrl);
		if (!text) continue;
		const [firstKind] = kinds;
		const unsubscribe = unsubscribeUrl(tokens.get(userId)!, firstKind);
		const footer = [
			'—',
			...[...kinds].map(
				(k) =>
					`Ne plus recevoir « ${KIND_LABELS[k]} » par courriel : ${unsubscribeUrl(tokens.get(userId)!, k)}`
			),
			`Gérer vos préférences : ${publicUrl('/compte/notifications')}`
		].join('\n');
		mails.push({
			to: email,
			subject:
				period === 'daily'
					? 'Centrale — votre résumé du jour'
					: 'Centrale — votre résumé de la semaine',
			text: `${text}\n${footer}\n`,
			html: digestHtml(period, groups, publicUrl),
			kind: `digest.${period}`,
			listUnsubscribe: unsubscribe
		});
	}
	enqueueMails(mails);
	return mails.length;
}
