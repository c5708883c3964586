/**
 * Catalogue news with the real server, its durable reminders job and a real SMTP server: people
 * follow a supplier, a thématique or a contract; a buyer awards a contract and relaunches another
 * in the back office; at the next run of the job (a restart the next day) each follower gets one
 * in-app notice per change, however many of its subjects they follow, and a mail when their
 * preference says so. A run that sent them but crashed before recording its covered period is run
 * again over the same window the day after, and sends nothing: each (contract, status) is claimed
 * once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

const DAY = 86_400_000;
const AWARDED = 'IGR-2026-SIG-02';
const RELAUNCHED = 'IGR-2025-EGU-01';
const BUYER = 'acheteur@igretec.demo';
/** follows the thématique, the supplier and the contract; mails at once for follows */
const FOLLOWER = 'agent@tournai.demo';
/** follows the supplier only; keeps the default channel (weekly digest): in-app now, no mail */
const SUPPLIER_FAN = 'referent@mons.demo';

let smtp: SmtpCatcher;
let server: TestServer;
let db: FixtureDb;
let supplier = { id: 0, name: '' };
let contractId = 0;
let coveredBefore = 0;

async function restartAt(offsetMs: number) {
	await server.stop();
	const job = () =>
		db.sqlite.prepare("select covered_until as c from job_state where name = 'reminders'").get() as
			{ c: number } | undefined;
	const before = job()?.c;
	server = await startServer({
		dataDir: server.dataDir,
		port: server.port,
		demo: true,
		env: { SMTP_URL: smtp.url, JOBS_TICK_MS: '500', CLOCK_OFFSET_MS: String(offsetMs) }
	});
	const until = Date.now() + 20_000;
	while (job()?.c === before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
	expect(job()?.c).not.toBe(before);
}

const notices = (email: string) =>
	db.sqlite
		.prepare(
			"select title, link from notifications where user_id = ? and kind = 'follow.catalogue' order by id"
		)
		.all(db.userId(email)) as { title: string; link: string }[];

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	server = await startServer({ demo: true, env: { SMTP_URL: smtp.url, JOBS_TICK_MS: '500' } });
	db = new FixtureDb(server.dataDir);
	supplier = db.sqlite
		.prepare('select id, name from suppliers order by id limit 1')
		.get() as typeof supplier;
	contractId = (
		db.sqlite.prepare('select id from contracts where reference = ?').get(AWARDED) as { id: number }
	).id;
	// the tender is judged: its lot names its adjudicataire, awarded today
	db.sqlite
		.prepare('update lots set supplier_id = ? where contract_id = ?')
		.run(supplier.id, contractId);
	db.sqlite.prepare('update contracts set award_date = null where id = ?').run(contractId);
	db.sqlite
		.prepare(
			"insert into notification_preferences (user_id, kind, channel) values (?, 'follow', 'immediate')"
		)
		.run(db.userId(FOLLOWER));
}, 120_000);

afterAll(async () => {
	await server?.stop();
	db?.sqlite.close();
	await smtp?.close();
});

describe('catalogue news for followers', () => {
	it('records the follows and the buyer’s changes', async () => {
		const follower = await new Client(server.url).login(FOLLOWER);
		for (const [kind, subject] of [
			['theme', 'cartographie-sig'],
			['supplier', String(supplier.id)],
			['contract', String(contractId)],
			['theme', 'e-guichet']
		])
			expect((await follower.post('/compte/suivis', { kind, subject, follow: '1' })).status).toBe(
				303
			);
		const fan = await new Client(server.url).login(SUPPLIER_FAN);
		expect(
			(
				await fan.post('/compte/suivis', {
					kind: 'supplier',
					subject: String(supplier.id),
					follow: '1'
				})
			).status
		).toBe(303);

		const buyer = await new Client(server.url).login(BUYER);
		const awarded = await buyer.action(`/gestion/marches/${AWARDED}?/statut`, { to: 'awarded' });
		expect(awarded.body.type).toBe('redirect');
		expect(db.sqlite.prepare('select status from contracts where id = ?').get(contractId)).toEqual({
			status: 'awarded'
		});
		expect((await buyer.post(`/gestion/marches/${RELAUNCHED}?/relancer`, {})).status).toBe(303);
		// nothing is said before the job runs
		expect(notices(FOLLOWER)).toEqual([]);
	});

	it('tells each follower once per change at the next run, by mail when they chose it', async () => {
		coveredBefore = (
			db.sqlite
				.prepare("select covered_until as c from job_state where name = 'reminders'")
				.get() as {
				c: number;
			}
		).c;
		await restartAt(DAY);
		const award = `Attribué à ${supplier.name} : `;
		const mail = await smtp.waitFor(FOLLOWER, new RegExp(`^${award}`), 20_000);
		expect(mail.text).toContain(`/catalogue/${AWARDED}`);
		await smtp.waitFor(
			FOLLOWER,
			new RegExp(`^Relance du marché ${RELAUNCHED} dans la thématique E-guichet citoyen : `),
			20_000
		);
		// three subjects followed, one notice per change
		const mine = notices(FOLLOWER);
		expect(mine).toHaveLength(2);
		expect(mine.find((n) => n.title.startsWith(award))?.link).toBe(`/catalogue/${AWARDED}`);
		expect(mine.find((n) => n.title.startsWith('Relance'))?.link).toBe(
			`/catalogue/${RELAUNCHED}-R`
		);
		const fans = notices(SUPPLIER_FAN);
		expect(fans.map((n) => n.link)).toEqual([`/catalogue/${AWARDED}`]);
		expect(
			smtp.mails.filter((m) => m.to.includes(SUPPLIER_FAN) && m.subject.startsWith(award))
		).toHaveLength(0);
		// the in-app notice shows in the follower's inbox
		const follower = await new Client(server.url).login(FOLLOWER);
		expect(await (await follower.get('/notifications')).text()).toContain(award);
	}, 60_000);

	it('sends nothing again when a run covers the same changes again', async () => {
		const news = () =>
			smtp.mails
				.filter((m) => /^(Attribué|Relance du marché .* dans la thématique)/.test(m.subject))
				.map((m) => `${m.to} ${m.subject}`);
		const mails = news();
		expect(mails).toHaveLength(2);
		// as if the first run had crashed after sending, before recording what it covered
		db.sqlite
			.prepare("update job_state set covered_until = ? where name = 'reminders'")
			.run(coveredBefore);
		await restartAt(2 * DAY);
		await new Promise((r) => setTimeout(r, 2000));
		expect(notices(FOLLOWER)).toHaveLength(2);
		expect(notices(SUPPLIER_FAN)).toHaveLength(1);
		expect(news()).toEqual(mails);
		const keys = (
			db.sqlite
				.prepare("select key from sent_reminders where key like 'catalogue-news:%'")
				.all() as { key: string }[]
		).map((r) => r.key);
		expect(keys).toContain(`catalogue-news:${contractId}:awarded`);
	}, 60_000);
});
