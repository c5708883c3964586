/**
 * Every email is written to the outbox first, then delivered over SMTP_URL when it is set.
 * Without SMTP_URL mails stay `held` in the outbox, where admins read them (local trials).
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';
import { getDb } from '../db/client';
import { outbox } from '../db/schema';
import { log } from '../log';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	kind: string;
}

const MAX_ATTEMPTS = 5;
const KEY = Symbol.for('centrale.mailer');
type Holder = { [KEY]?: { url: string; transport: Transporter } };

function transport(): Transporter | null {
	const { smtpUrl } = config();
	if (!smtpUrl) return null;
	const holder = globalThis as Holder;
	if (holder[KEY]?.url !== smtpUrl) {
		holder[KEY] = { url: smtpUrl, transport: nodemailer.createTransport(smtpUrl) };
	}
	return holder[KEY].transport;
}

/** Queues a mail and, when SMTP is configured, starts delivering it without waiting. */
export function enqueueMail(mail: Mail): number {
	const status = config().smtpUrl ? 'pending' : 'held';
	const row = getDb()
		.insert(outbox)
		.values({ ...mail, status })
		.returning({ id: outbox.id })
		.get();
	if (status === 'pending') {
		// after the caller's transaction has committed, never inside it
		setImmediate(() => {
			deliver(row.id).catch((err) => log().error({ err, mailId: row.id }, 'mail delivery failed'));
		});
	}
	return row.id;
}

/** Sends one pending mail; records success or the error. Safe to call twice. */
export async function deliver(id: number): Promise<boolean> {
	const smtp = transport();
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
			text: claimed.text
		});
		db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.id, id)).run();
		return true;
	} catch (err) {
		const attempts = claimed.attempts + 1;
		db.update(outbox)
			.set({ status: 'failed', attempts, lastError: String((err as Error).message).slice(0, 500) })
			.where(eq(outbox.id, id))
			.run();
		return false;
	}
}

/** After a crash, mails caught mid-delivery are retried rather than forgotten. */
export function requeueInterrupted() {
	getDb().update(outbox).set({ status: 'failed' }).where(eq(outbox.status, 'sending')).run();
}

/** Retries what is still pending or failed (fewer than MAX_ATTEMPTS); run by the jobs loop. */
export async function deliverOutstanding(): Promise<number> {
	if (!config().smtpUrl) return 0;
	const rows = getDb()
		.select({ id: outbox.id })
		.from(outbox)
		.where(and(inArray(outbox.status, ['pending', 'failed']), lt(outbox.attempts, MAX_ATTEMPTS)))
		.limit(50)
		.all();
	let sent = 0;
	for (const row of rows) if (await deliver(row.id)) sent++;
	return sent;
}

export function listOutbox(limit = 100) {
	return getDb().select().from(outbox).orderBy(outbox.id).limit(limit).all().reverse();
}
