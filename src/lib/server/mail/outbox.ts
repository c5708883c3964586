/**
 * Every email is written to the outbox first, then delivered over SMTP_URL when it is set.
 * Without SMTP_URL mails stay `held` in the outbox, where admins read them (local trials).
 *
 * Delivery guarantee: a mail is claimed (`sending`) before it is handed to SMTP and marked `sent`
 * right after, so two deliverers never send it at once. A crash between SMTP's acceptance and
 * that bookkeeping cannot be avoided from here: the mail is then sent again after the restart
 * (at least once), with the same Message-ID, which mail clients use to show it once. Failures
 * are retried with backoff or given up as domain/relay/mail-retry.ts decides; given-up mails
 * stay visible to admins with their reason (/admin/courriels).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { backoffMs, classifySmtpError, givesUp } from '../../domain/relay/mail-retry';
import { now } from '../clock';
import { config, publicOrigin } from '../config';
import { getDb } from '../db/client';
import { outbox } from '../db/schema';
import { log } from '../log';
import { smtpTransport } from './transport';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	kind: string;
	html?: string;
	/** the unsubscribe page for this mail's kind (List-Unsubscribe header) */
	listUnsubscribe?: string;
}

export type OutboxRow = typeof outbox.$inferSelect;

const BATCH = 200;

function newMessageId(): string {
	const host = new URL(publicOrigin()).hostname || 'centrale.local';
	return `<${randomUUID()}@${host}>`;
}

/** Queues mails in one statement per 500 and, when SMTP is configured, starts delivering them. */
export function enqueueMails(mails: readonly Mail[]): void {
	if (!mails.length) return;
	const status: OutboxRow['status'] = config().smtpUrl ? 'pending' : 'held';
	const db = getDb();
	for (let i = 0; i < mails.length; i += 500) {
		const rows = mails.slice(i, i + 500).map((m) => ({ ...m, status, messageId: newMessageId() }));
		db.insert(outbox).values(rows).run();
	}
	if (status === 'pending') kickDelivery();
}

/** Queues a mail and, when SMTP is configured, starts delivering it without waiting. */
export function enqueueMail(mail: Mail): number {
	const status = config().smtpUrl ? 'pending' : 'held';
	const row = getDb()
		.insert(outbox)
		.values({ ...mail, status, messageId: newMessageId() })
		.returning({ id: outbox.id })
		.get();
	if (status === 'pending') kickDelivery();
	return row.id;
}

const DRAIN = Symbol.for('centrale.outbox.drain');
type DrainHolder = { [DRAIN]?: boolean };

/**
 * Starts draining the outbox once the caller's transaction has committed (never inside it); a
 * drain already running picks the new rows up, so a burst of enqueues starts one drain.
 */
function kickDelivery() {
	const holder = globalThis as DrainHolder;
	if (holder[DRAIN]) return;
	holder[DRAIN] = true;
	setImmediate(() => {
		deliverOutstanding()
			.catch((err) => log().error({ err }, 'mail delivery failed'))
			.finally(() => (holder[DRAIN] = false));
	});
}

/** Sends one mail that is due; records success, or the failure and when to try again. */
export async function deliver(id: number, at: Date = now()): Promise<boolean> {
	const smtp = await smtpTransport();
	if (!smtp) return false;
	const db = getDb();
	// claim it: only one caller moves it to `sending`, so a mail is never sent twice at once
	const claimed = db
		.update(outbox)
		.set({ status: 'sending' })
		.where(and(eq(outbox.id, id), inArray(outbox.status, ['pending', 'failed'])))
		.returning()
		.get();
	if (!claimed) return false;
	try {
		await smtp.sendMail({
			from: config().mailFrom,
			to: claimed.to,
			subject: claimed.subject,
			text: claimed.text,
			html: claimed.html ?? undefined,
			messageId: claimed.messageId ?? undefined,
			list: claimed.listUnsubscribe ? { unsubscribe: claimed.listUnsubscribe } : undefined,
			// RFC 8058: the client may POST to that address at once (server/one-click.ts)
			headers: claimed.listUnsubscribe
				? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
				: undefined
		});
		db.update(outbox).set({ status: 'sent', sentAt: now() }).where(eq(outbox.id, id)).run();
		return true;
	} catch (err) {
		recordFailure(claimed, err as Error & { responseCode?: number; code?: string }, at);
		return false;
	}
}

function recordFailure(
	row: OutboxRow,
	err: Error & { responseCode?: number; code?: string },
	at: Date
) {
	const attempts = row.attempts + 1;
	const failure = classifySmtpError(err);
	const abandoned = givesUp(failure, attempts);
	const reason = `${failure === 'permanent' ? 'Refus définitif' : 'Échec temporaire'} : ${err.message}`;
	getDb()
		.update(outbox)
		.set({
			status: abandoned ? 'abandoned' : 'failed',
			attempts,
			nextAttemptAt: abandoned ? null : new Date(at.getTime() + backoffMs(attempts)),
			lastError: reason.slice(0, 500)
		})
		.where(eq(outbox.id, row.id))
		.run();
}

/** After a crash, mails caught mid-delivery are retried rather than forgotten (at least once). */
export function requeueInterrupted() {
	getDb().update(outbox).set({ status: 'failed' }).where(eq(outbox.status, 'sending')).run();
}

/** Delivers everything due at `at`, a batch at a time over the pool; run by the jobs loop. */
export async function deliverOutstanding(at: Date = now()): Promise<number> {
	if (!config().smtpUrl) return 0;
	const db = getDb();
	let sent = 0;
	for (;;) {
		const due = db
			.select({ id: outbox.id })
			.from(outbox)
			.where(
				or(
					eq(outbox.status, 'pending'),
					and(
						eq(outbox.status, 'failed'),
						or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, at))
					)
				)
			)
			.orderBy(outbox.id)
			.limit(BATCH)
			.all();
		if (!due.length) return sent;
		const results = await Promise.all(due.map((row) => deliver(row.id, at)));
		sent += results.filter(Boolean).length;
	}
}

export function listOutbox(limit = 100): OutboxRow[] {
	return getDb().select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
}

/** Mails given up, newest first: admins see them apart, with the reason. */
export function listAbandoned(limit = 100): OutboxRow[] {
	return getDb()
		.select()
		.from(outbox)
		.where(eq(outbox.status, 'abandoned'))
		.orderBy(desc(outbox.id))
		.limit(limit)
		.all();
}
