/**
 * `npm run bench:relay`: in a temporary DATA_DIR, 262 communes on one centrale's territory with
 * 10 people each. Measures (1) publishing a critical announcement to all of them — audience
 * resolution, 262 receipts, 2,620 in-app notifications and 2,620 queued mails — (2) delivery of
 * those mails over the pooled transport to a real SMTP server on loopback, and (3) a daily digest
 * for 5,000 people with 50 notifications each (total time and the process's peak RSS). Prints
 * figures only. The portal's page latency during delivery is not measured here.
 */
import { startSmtpCatcher } from '../support/smtp';
import { tempDataDir } from '../support/server';

const COMMUNES = 262;
const PEOPLE_PER_COMMUNE = 10;
const DIGEST_USERS = 5_000;
const DIGEST_ITEMS = 50;

const smtp = await startSmtpCatcher();
process.env.DATA_DIR = tempDataDir('centrale-bench-relay-');
process.env.DEMO = '0';
process.env.LOG_LEVEL = 'silent';
process.env.SMTP_URL = smtp.url;

const { getDb, closeDb } = await import('../../src/lib/server/db/client');
const { closeSmtpTransport } = await import('../../src/lib/server/mail/transport');
const { publishAnnouncement } = await import('../../src/lib/server/relay/announcements');
const { announcementSchema } = await import('../../src/lib/server/relay/announcement-form');
const { sendDigests } = await import('../../src/lib/server/relay/digests');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const sqlite = getDb().$client;
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

// ---- fixtures: raw prepared inserts in one transaction (the bench's own set-up, not measured)
const seed = sqlite.transaction(() => {
	const org = sqlite.prepare(
		`insert into organisations (kind, name, search_name, slug) values (?, ?, ?, ?)`
	);
	const user = sqlite.prepare(
		`insert into users (email, name, role, organisation_id, password_hash) values (?, ?, ?, ?, 'x')`
	);
	const centrale = Number(
		org.run('intercommunale', 'Centrale', 'centrale', 'centrale').lastInsertRowid
	);
	const buyer = Number(user.run('buyer@bench.test', 'Buyer', 'buyer', centrale).lastInsertRowid);
	const link = sqlite.prepare(
		`insert into territories (commune_id, intercommunale_id) values (?, ?)`
	);
	for (let c = 0; c < COMMUNES; c++) {
		const id = Number(
			org.run('commune', `Commune ${c}`, `commune ${c}`, `commune-${c}`).lastInsertRowid
		);
		link.run(id, centrale);
		for (let p = 0; p < PEOPLE_PER_COMMUNE; p++)
			user.run(`p${p}@c${c}.bench.test`, `P ${p}`, p === 0 ? 'referent' : 'agent', id);
	}
	return { centrale, buyer };
});
const { centrale, buyer } = seed();

// ---- (1) publish
const input = announcementSchema.parse({
	kind: 'relaunch',
	title: 'Relance du marché de téléphonie',
	body: 'Une nouvelle adhésion sera nécessaire.',
	audienceKind: 'territory',
	requiresAck: 'on'
});
let t = process.hrtime.bigint();
const published = publishAnnouncement({ id: buyer, organisationId: centrale }, input);
const publishMs = ms(t);

// ---- (2) delivery: the publication started the drain; wait for every mail at the SMTP server
t = process.hrtime.bigint();
while (smtp.mails.length < published.mailed) await new Promise((r) => setTimeout(r, 20));
const deliverMs = ms(t);

// the same publication again, once the code is warm and the unsubscribe tokens exist
process.env.SMTP_URL = '';
t = process.hrtime.bigint();
publishAnnouncement({ id: buyer, organisationId: centrale }, input);
const warmPublishMs = ms(t);

// ---- (3) digest: 5,000 people × 50 notifications of the day, their group mail as a daily digest
delete process.env.SMTP_URL; // digests stay `held`: this measures building and queueing them
const day = new Date('2027-01-14T08:00:00Z').getTime();
sqlite.transaction(() => {
	const user = sqlite.prepare(
		`insert into users (email, name, role, organisation_id, password_hash) values (?, ?, 'agent', ?, 'x')`
	);
	const note = sqlite.prepare(
		`insert into notifications (user_id, kind, title, link, created_at) values (?, 'group.phase', ?, ?, ?)`
	);
	for (let u = 0; u < DIGEST_USERS; u++) {
		const id = Number(user.run(`d${u}@digest.bench.test`, `D ${u}`, centrale).lastInsertRowid);
		for (let i = 0; i < DIGEST_ITEMS; i++)
			note.run(id, `Le groupe ${i % 7} avance (${i})`, `/groupes/${i % 7}`, day + i * 60_000);
	}
})();
const rssBeforeDigest = process.memoryUsage().rss;
peakRss = rssBeforeDigest;
t = process.hrtime.bigint();
const digests = sendDigests('daily', new Date(day - 1), new Date(day + 86_400_000));
const digestMs = ms(t);

clearInterval(sampler);
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
console.log(
	[
		`publish to ${COMMUNES} communes × ${PEOPLE_PER_COMMUNE} people: ${published.notified} notified, ${published.mailed} mails queued in ${publishMs.toFixed(0)} ms the first time, ${warmPublishMs.toFixed(0)} ms the second (goal < 1000 ms)`,
		`delivery of ${published.mailed} mails to SMTP on loopback: ${deliverMs.toFixed(0)} ms, ${((published.mailed / deliverMs) * 1000).toFixed(0)} mails/s (goal ≥ 100/s)`,
		`daily digest, ${DIGEST_USERS} people × ${DIGEST_ITEMS} items: ${digests} digests in ${(digestMs / 1000).toFixed(1)} s (goal < 30 s), peak RSS ${mb(peakRss)} (before: ${mb(rssBeforeDigest)}; goal < 300 MB)`
	].join('\n')
);
closeSmtpTransport();
await smtp.close();
closeDb();
