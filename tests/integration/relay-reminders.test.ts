/**
 * Follows and the reminders job with the real server, its durable scheduler and a real SMTP
 * server on loopback. The server first starts on today's clock (the job is registered, nothing is
 * due yet), then, after a downtime of 85 days that skipped the 180-day milestone of a contract's
 * end, restarts: the job catches up and sends the 90-day reminder only, the relaunch of that
 * contract, the interest deadline of the relaunch, the 80 % ceiling to the buyers, the budget vote
 * and tomorrow's group session, each once. An agent who clicked « Ne plus suivre » on the
 * contract is left out; someone of another commune who clicked « Suivre » on it, or on the group,
 * is told. A second run (restart with the clock moved past the next day) sends none of them
 * again. Then the mail's RFC 8058 one-click POST, sent without login nor Origin, turns the kind's
 * mail off, and the commune's calendar address works until its referent replaces it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { startSmtpCatcher, type ReceivedMail, type SmtpCatcher } from '../support/smtp';

const DAY = 86_400_000;
const REF = 'TEST-RAPPEL-1';
const RELAUNCH = 'TEST-RAPPEL-2';
const REFERENT = 'referent@charleroi.demo';
const AGENT = 'agent@charleroi.demo';
const OUTSIDER = 'agent@tournai.demo';
const BUYER = 'acheteur@igretec.demo';

let smtp: SmtpCatcher;
let server: TestServer;
let db: FixtureDb;
const ids = { contract: 0, relaunch: 0, session: 0, group: 0 };
let endDate = '';
let restartedAt = 0;

/** The Brussels calendar day of an instant. */
const day = (ms: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(ms));

const mailsTo = (to: string, subject: RegExp): ReceivedMail[] =>
	smtp.mails.filter((m) => m.to.includes(to) && subject.test(m.subject));

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
	// the catch-up run at start: its covered period moves
	const until = Date.now() + 20_000;
	while (job()?.c === before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
	expect(job()?.c).not.toBe(before);
}

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	server = await startServer({
		demo: true,
		env: { SMTP_URL: smtp.url, JOBS_TICK_MS: '500' }
	});
	db = new FixtureDb(server.dataDir);
	const sql = db.sqlite;
	const now = Date.now();
	const igretec = db.organisationId('igretec');
	const charleroi = db.organisationId('charleroi');
	endDate = day(now + 170 * DAY);
	const insertContract = sql.prepare(
		`insert into contracts (reference, title, theme, centrale_id, procedure, status, end_date,
		  max_value_cents, predecessor_id, interest_deadline, created_at, updated_at)
		 values (?, ?, 'cybersecurite', ?, 'open', ?, ?, ?, ?, ?, ?, ?)`
	);
	ids.contract = Number(
		insertContract.run(
			REF,
			'Marché de rappel',
			igretec,
			'active',
			endDate,
			1_000_000,
			null,
			null,
			now,
			now
		).lastInsertRowid
	);
	// the relaunch, planned, whose interest deadline comes 10 days after the restart
	ids.relaunch = Number(
		insertContract.run(
			RELAUNCH,
			'Relance du marché de rappel',
			igretec,
			'planned',
			null,
			null,
			ids.contract,
			day(now + 95 * DAY),
			now,
			now
		).lastInsertRowid
	);
	const lot = Number(
		sql
			.prepare(`insert into lots (contract_id, number, title) values (?, 1, 'Lot unique')`)
			.run(ids.contract).lastInsertRowid
	);
	const adhesion = Number(
		sql
			.prepare(
				`insert into adhesions (contract_id, organisation_id, decision_reference, decision_date,
				  modules, estimated_quantities, created_at)
				 values (?, ?, 'CC-1', '2026-01-10', '[]', '', ?)`
			)
			.run(ids.contract, charleroi, now).lastInsertRowid
	);
	// orders commit 85 % of the maximum
	sql
		.prepare(
			`insert into orders (adhesion_id, contract_id, organisation_id, lot_id, budget_year,
			  budget_article, status, excl_vat_cents, vat_cents, incl_vat_cents, submitted_at)
			 values (?, ?, ?, ?, 2027, '104/123-13', 'confirmed', 850000, 178500, 1028500, ?)`
		)
		.run(adhesion, ids.contract, charleroi, lot, now);
	// a group session tomorrow at 14:00 Brussels, as seen after the restart
	const { groupId } = db.createBoard({
		centrale: 'igretec',
		visibility: 'open',
		members: ['charleroi']
	});
	ids.group = groupId;
	const sessionDay = day(now + 86 * DAY);
	const startsAt = new Date(`${sessionDay}T14:00:00+01:00`).getTime();
	ids.session = Number(
		sql
			.prepare(
				`insert into group_sessions (group_id, title, starts_at, duration_minutes, created_at)
				 values (?, 'Séance de rappel', ?, 120, ?)`
			)
			.run(groupId, startsAt, now).lastInsertRowid
	);
	// the budget amendment voted 10 days after the restart, and a purchase declared that year
	const budgetYear = Number(day(now + 85 * DAY).slice(0, 4));
	sql
		.prepare(
			`insert into budget_calendars (organisation_id, year, initial_vote, mb1, updated_at)
			 values (?, ?, ?, ?, ?)
			 on conflict (organisation_id, year) do update set mb1 = excluded.mb1`
		)
		.run(charleroi, budgetYear, `${budgetYear - 1}-12-20`, day(now + 95 * DAY), now);
	sql
		.prepare(
			`insert into purchase_intentions (organisation_id, contract_id, lot_id, modules, target_month,
			  note, created_at, updated_at)
			 values (?, ?, ?, '[]', ?, '', ?, ?)`
		)
		.run(charleroi, ids.contract, lot, `${budgetYear}-11`, now, now);
}, 120_000);

afterAll(async () => {
	await server?.stop();
	db?.sqlite.close();
	await smtp?.close();
});

describe('follows and reminders', () => {
	it('follows and unfollows with one click, without JavaScript, and lists them in « Mes suivis »', async () => {
		const agent = await new Client(server.url).login(AGENT);
		let page = await (await agent.get(`/catalogue/${REF}`)).text();
		// the commune adheres: its people follow the contract by default
		expect(page).toContain('Ne plus suivre ce marché');
		const res = await agent.post('/compte/suivis', {
			kind: 'contract',
			subject: String(ids.contract),
			follow: '0',
			back: `/catalogue/${REF}`
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/catalogue/${REF}`);
		page = await (await agent.get(`/catalogue/${REF}`)).text();
		expect(page).toContain('Suivre ce marché');
		expect(page).not.toContain('Ne plus suivre ce marché');
		expect(
			db.sqlite
				.prepare('select opt_out as o from follows where user_id = ? and subject_kind = ?')
				.get(db.userId(AGENT), 'contract')
		).toEqual({ o: 1 });

		const outsider = await new Client(server.url).login(OUTSIDER);
		const followed = await outsider.action('/compte/suivis', {
			kind: 'contract',
			subject: String(ids.contract),
			follow: '1',
			back: 'https://evil.example/'
		});
		// another site is never a way back
		expect(followed.body.location).toBe('/compte/suivis');
		const list = await (await outsider.get('/compte/suivis')).text();
		expect(list).toContain('Marché de rappel');
		// a thématique, from the catalogue filtered on it
		expect(await (await outsider.get('/catalogue?thematique=cybersecurite')).text()).toContain(
			'Suivre la thématique « Cybersécurité »'
		);
		await outsider.post('/compte/suivis', {
			kind: 'theme',
			subject: 'cybersecurite',
			follow: '1',
			back: '/catalogue?thematique=cybersecurite'
		});
		expect(await (await outsider.get('/catalogue?thematique=cybersecurite')).text()).toContain(
			'Ne plus suivre la thématique « Cybersécurité »'
		);
		expect(await (await outsider.get('/compte/suivis')).text()).toContain('Cybersécurité');
		// a working group its commune is not a member of (open: readable)
		const group = await outsider.post('/compte/suivis', {
			kind: 'group',
			subject: String(ids.group),
			follow: '1',
			back: `/groupes/${ids.group}`
		});
		expect(group.status).toBe(303);
		expect(await (await outsider.get(`/groupes/${ids.group}`)).text()).toContain(
			'Ne plus suivre ce groupe'
		);
		// an unknown subject changes nothing
		const unknown = await outsider.post('/compte/suivis', {
			kind: 'contract',
			subject: '999999',
			follow: '1'
		});
		expect(unknown.status).toBe(404);
		const bad = await outsider.action('/compte/suivis', {
			kind: 'planet',
			subject: 'x',
			follow: '1'
		});
		expect(bad.status).toBe(400);
	});

	it('after a downtime, sends each due reminder once, the 90-day end only', async () => {
		await restartAt(85 * DAY);
		restartedAt = Date.now();
		await smtp.waitFor(REFERENT, new RegExp(`Le marché ${REF} se termine`), 20_000);
		await smtp.waitFor(OUTSIDER, new RegExp(`Le marché ${REF} se termine`), 20_000);
		await smtp.waitFor(REFERENT, new RegExp(`Relance du marché ${REF}`), 20_000);
		await smtp.waitFor(REFERENT, new RegExp(`Intérêt à manifester .* ${RELAUNCH}`), 20_000);
		await smtp.waitFor(BUYER, new RegExp(`Marché ${REF} : 80 % du montant maximal`), 20_000);
		await smtp.waitFor(REFERENT, /Séance « Séance de rappel »/, 20_000);
		// a follower of the group is reminded of its session too
		await smtp.waitFor(OUTSIDER, /Séance « Séance de rappel »/, 20_000);
		await smtp.waitFor(
			REFERENT,
			/MB1 \d{4} : les propositions doivent être prêtes avant le/,
			20_000
		);

		const keys = (
			db.sqlite.prepare('select key from sent_reminders').all() as { key: string }[]
		).map((r) => r.key);
		expect(keys).toContain(`contract-end:${ids.contract}:90:${endDate}`);
		expect(keys).not.toContain(`contract-end:${ids.contract}:180:${endDate}`);
		expect(keys).toContain(`relaunch:${ids.contract}:${ids.relaunch}`);
		// the agent who unfollowed is not told of the end, but hears of the relaunch (an adherent)
		expect(mailsTo(AGENT, new RegExp(`Le marché ${REF} se termine`))).toHaveLength(0);
		expect(mailsTo(AGENT, new RegExp(`Relance du marché ${REF}`))).toHaveLength(1);
		const relaunch = mailsTo(REFERENT, new RegExp(`Relance du marché ${REF}`))[0];
		expect(relaunch.text).toContain(`/catalogue/${RELAUNCH}`);
		expect(relaunch.text).toContain('nouvelle délibération');
	}, 90_000);

	it('sends none of them again on the next run, after a restart past the next day', async () => {
		const count = () => ({
			end: mailsTo(REFERENT, new RegExp(`Le marché ${REF} se termine`)).length,
			relaunch: mailsTo(REFERENT, new RegExp(`Relance du marché ${REF}`)).length,
			interest: mailsTo(REFERENT, new RegExp(`Intérêt à manifester .* ${RELAUNCH}`)).length,
			ceiling: mailsTo(BUYER, new RegExp(`Marché ${REF} : 80 %`)).length,
			session: mailsTo(REFERENT, /Séance « Séance de rappel »/).length
		});
		expect(count()).toEqual({ end: 1, relaunch: 1, interest: 1, ceiling: 1, session: 1 });
		await restartAt(86 * DAY + (Date.now() - restartedAt));
		// the outbox would deliver anything queued at once; give it time to show up
		await new Promise((r) => setTimeout(r, 2000));
		expect(count()).toEqual({ end: 1, relaunch: 1, interest: 1, ceiling: 1, session: 1 });
		const pending = db.sqlite
			.prepare("select count(*) as n from outbox where status in ('pending', 'sending')")
			.get() as { n: number };
		expect(pending.n).toBe(0);
	}, 60_000);

	it('unsubscribes a kind with the mail’s RFC 8058 one-click POST, without login nor Origin', async () => {
		const mail = mailsTo(REFERENT, new RegExp(`Le marché ${REF} se termine`))[0];
		expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
		const url = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(mail.raw)![1];
		expect(url).toMatch(/\/desabonnement\/[\w-]+\/reminder$/);
		const post = (target: string, body: string) =>
			fetch(target, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body,
				redirect: 'manual'
			});
		expect((await post(url, 'autre=chose')).status).toBe(400);
		expect(
			(
				await post(
					url.replace(/\/[\w-]+\/reminder$/, '/faux-jeton-0000/reminder'),
					'List-Unsubscribe=One-Click'
				)
			).status
		).toBe(404);
		const res = await post(url, 'List-Unsubscribe=One-Click');
		expect(res.status).toBe(200);
		expect(
			db.sqlite
				.prepare('select channel from notification_preferences where user_id = ? and kind = ?')
				.get(db.userId(REFERENT), 'reminder')
		).toEqual({ channel: 'app' });
		// the confirmation page of the same address still works for people
		expect((await fetch(url)).status).toBe(200);
	});

	it('serves the commune’s calendar to its members’ address, 404 once its referent replaced it', async () => {
		const address = async (client: Client) => {
			const page = await (await client.get('/compte/notifications')).text();
			return /id="commune-calendar-url"[^>]*value="([^"]+)"/.exec(page)?.[1].replace(/&amp;/g, '&');
		};
		const agent = await new Client(server.url).login(AGENT);
		const referent = await new Client(server.url).login(REFERENT);
		const url = (await address(agent))!;
		expect(url).toMatch(/\/notifications\/commune\.ics\?jeton=[\w-]{20,}$/);
		expect(await address(referent)).toBe(url);
		const ics = await fetch(url);
		expect(ics.status).toBe(200);
		expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
		expect(await ics.text()).toContain(`Fin du marché ${REF}`);
		// an agent may not replace it; the referent may
		expect((await agent.action('/compte/notifications?/communeCalendar', {})).status).toBe(403);
		expect((await referent.action('/compte/notifications?/communeCalendar', {})).status).toBe(200);
		expect((await fetch(url)).status).toBe(404);
		expect((await fetch(url.replace(/jeton=.*/, 'jeton=faux'))).status).toBe(404);
		const replaced = (await address(agent))!;
		expect(replaced).not.toBe(url);
		expect((await fetch(replaced)).status).toBe(200);
	});
});
