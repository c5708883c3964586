/**
 * notify() and the outbox against a real SQLite file and a real SMTP server on loopback:
 * preferences decide who is mailed (critical: everyone), mails queued while SMTP is down arrive
 * once it is up, each exactly once with the Message-ID it was queued with, and a mailbox that the
 * server refuses (5xx) is given up after three tries with the reason kept for admins.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/lib/server/db/client';
import {
	notificationPreferences,
	notifications,
	organisations,
	outbox,
	users
} from '../../src/lib/server/db/schema';
import { deliverOutstanding, enqueueMail } from '../../src/lib/server/mail/outbox';
import { closeSmtpTransport } from '../../src/lib/server/mail/transport';
import { notify } from '../../src/lib/server/relay/notify';
import { freePort, tempDataDir } from '../support/server';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

let port: number;
let smtp: SmtpCatcher | undefined;
const ids: Record<'anne' | 'bruno' | 'chloe', number> = { anne: 0, bruno: 0, chloe: 0 };

beforeAll(async () => {
	process.env.DATA_DIR = tempDataDir('centrale-relay-outbox-');
	process.env.LOG_LEVEL = 'silent';
	port = await freePort();
	process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
	const db = getDb();
	const org = db
		.insert(organisations)
		.values({ kind: 'commune', name: 'Seneffe', searchName: 'seneffe', slug: 'seneffe' })
		.returning()
		.get();
	for (const name of Object.keys(ids) as (keyof typeof ids)[]) {
		ids[name] = db
			.insert(users)
			.values({
				email: `${name}@seneffe.test`,
				name,
				role: 'agent',
				organisationId: org.id,
				passwordHash: 'x'
			})
			.returning()
			.get().id;
	}
	db.insert(notificationPreferences)
		.values([
			{ userId: ids.bruno, kind: 'announcement', channel: 'app' },
			{ userId: ids.chloe, kind: 'announcement', channel: 'weekly' }
		])
		.run();
});

afterAll(async () => {
	closeSmtpTransport();
	await smtp?.close();
	closeDb();
	delete process.env.SMTP_URL;
});

const rows = () => getDb().select().from(outbox).orderBy(outbox.id).all();

async function settled() {
	// the drain notify() started may still be waiting on the refused connection
	for (
		let i = 0;
		i < 100 && rows().some((r) => r.status === 'pending' || r.status === 'sending');
		i++
	)
		await new Promise((r) => setTimeout(r, 50));
}

describe('notify and the outbox', () => {
	const t0 = new Date();
	const later = (ms: number) => new Date(t0.getTime() + ms);

	it('notifies everyone in the portal and mails by preference; critical mails everyone', async () => {
		const everyone = Object.values(ids);
		expect(
			notify(everyone, { kind: 'announcement', title: 'Nouveau marché', link: '/actualites' }, t0)
		).toEqual({
			notified: 3,
			mailed: 1
		});
		expect(
			notify(
				everyone,
				{ kind: 'announcement', title: 'Relance urgente', link: '/actualites', critical: true },
				t0
			)
		).toEqual({ notified: 3, mailed: 3 });
		expect(getDb().select().from(notifications).all()).toHaveLength(6);
		expect(rows().map((r) => r.to)).toEqual([
			'anne@seneffe.test',
			'anne@seneffe.test',
			'bruno@seneffe.test',
			'chloe@seneffe.test'
		]);
		await settled();
		expect(rows().every((r) => r.status === 'failed' && r.attempts === 1)).toBe(true);
		expect(rows()[0].lastError).toMatch(/^Échec temporaire/);
	});

	it('delivers each queued mail once when SMTP comes back, after the backoff', async () => {
		smtp = await startSmtpCatcher({ port, refuse: (a) => (a.startsWith('nobody@') ? 550 : null) });
		expect(await deliverOutstanding(later(10_000))).toBe(0); // still inside the 30 s backoff
		expect(await deliverOutstanding(later(90_000))).toBe(4);
		expect(await deliverOutstanding(later(150_000))).toBe(0);
		expect(smtp.mails).toHaveLength(4);
		const queued = rows();
		for (const row of queued) {
			expect(row.status).toBe('sent');
			const mail = smtp.mails.filter((m) => m.raw.includes(`Message-ID: ${row.messageId}`));
			expect(mail).toHaveLength(1);
		}
		expect(smtp.mails.filter((m) => m.subject === 'Relance urgente')).toHaveLength(3);
		// every mail about a kind names its unsubscribe page, in a header and in the text
		const first = smtp.mails.find((m) => m.subject === 'Nouveau marché')!;
		expect(first.raw).toMatch(
			/^List-Unsubscribe:\s*<http[^>]+\/desabonnement\/[\w-]+\/announcement>/m
		);
		expect(first.text).toContain('Ne plus recevoir ces courriels');
	});

	it('gives up a refused mailbox after three tries and keeps the reason', async () => {
		const id = enqueueMail({ to: 'nobody@seneffe.test', subject: 'Test', text: 'x', kind: 'test' });
		await settled();
		await deliverOutstanding(later(200_000));
		await deliverOutstanding(later(400_000));
		const [row] = getDb().select().from(outbox).where(eq(outbox.id, id)).all();
		expect(row).toMatchObject({ status: 'abandoned', attempts: 3, nextAttemptAt: null });
		expect(row.lastError).toMatch(/^Refus définitif : .*550/);
		expect(await deliverOutstanding(later(9_000_000))).toBe(0);
	});
});
