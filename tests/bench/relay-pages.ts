/**
 * `npm run bench:relay-pages` (after `vite build`): the portal's own page latency while it
 * delivers an announcement's mails. The real server (demo data) gets 262 more communes × 10 people
 * on IGRETEC's territory; an IGRETEC buyer publishes a critical announcement to the territory
 * through the form, and the server delivers the mails to a real SMTP server on loopback while 4
 * readers load /actualites. Compares that p99 with the same readers on the idle portal (goal
 * ≤ 1.5×, issue 17).
 */
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer } from '../support/server';
import { startSmtpCatcher } from '../support/smtp';
import { percentile } from './sync-support';

const COMMUNES = 262;
const PEOPLE = 10;
const READERS = 4;
const PAGE = '/actualites';

const smtp = await startSmtpCatcher();
const server = await startServer({ env: { SMTP_URL: smtp.url, LOG_LEVEL: 'warn' } });
const db = new FixtureDb(server.dataDir);
const igretec = db.organisationId('igretec');
db.sqlite.transaction(() => {
	const org = db.sqlite.prepare(
		`insert into organisations (kind, name, search_name, slug) values ('commune', ?, ?, ?)`
	);
	const link = db.sqlite.prepare(
		`insert into territories (commune_id, intercommunale_id) values (?, ?)`
	);
	const user = db.sqlite.prepare(
		`insert into users (email, name, role, organisation_id, password_hash) values (?, ?, ?, ?, 'x')`
	);
	for (let c = 0; c < COMMUNES; c++) {
		const id = Number(org.run(`Banc ${c}`, `banc ${c}`, `banc-${c}`).lastInsertRowid);
		link.run(id, igretec);
		for (let p = 0; p < PEOPLE; p++)
			user.run(`p${p}@banc${c}.bench.test`, `P ${p}`, p === 0 ? 'referent' : 'agent', id);
	}
})();

/** Loads PAGE with READERS clients in a loop until `until()`; the latencies in ms. */
async function read(until: () => boolean): Promise<number[]> {
	const times: number[] = [];
	await Promise.all(
		Array.from({ length: READERS }, async () => {
			while (!until()) {
				const t = performance.now();
				const res = await fetch(server.url + PAGE);
				await res.arrayBuffer();
				times.push(performance.now() - t);
			}
		})
	);
	return times;
}
const p99 = (times: number[]) =>
	percentile(
		[...times].sort((a, b) => a - b),
		99
	);

// warm-up, then the idle portal for 5 s
let stop = Date.now() + 2000;
await read(() => Date.now() > stop);
stop = Date.now() + 5000;
const idle = await read(() => Date.now() > stop);

const buyer = await new Client(server.url).login('acheteur@igretec.demo');
const form = {
	kind: 'relaunch',
	title: 'Relance du marché de téléphonie',
	body: 'Une nouvelle adhésion sera nécessaire.',
	audienceKind: 'territory',
	requiresAck: 'on'
};
// what « Vérifier le public » shows the buyer: the communes of IGRETEC's territory
const expected = (
	db.sqlite
		.prepare(
			`select count(distinct t.commune_id) as n from territories t
			 join organisations o on o.id = t.commune_id
			 where t.intercommunale_id = ? and o.kind = 'commune'`
		)
		.get(igretec) as { n: number }
).n;
await buyer.action('/gestion/annonces/nouvelle?/preview', form);
const outstanding = db.sqlite.prepare(
	`select count(*) as n from outbox where status in ('pending', 'sending')`
);
const before = smtp.mails.length;
const t = performance.now();
const published = await buyer.action('/gestion/annonces/nouvelle?/publish', {
	...form,
	expectedCount: String(expected)
});
const publishMs = performance.now() - t;
// published: the form redirects to the announcement's page
if (published.body.type !== 'redirect')
	throw new Error(`the announcement was not published: ${published.status} ${published.body.data}`);
// the readers run from the publication until the outbox is empty
let polled = 0;
const during = await read(() => {
	if (++polled % 8) return false;
	return (outstanding.get() as { n: number }).n === 0 || performance.now() - t > 120_000;
});
const deliveredMs = performance.now() - t;

console.log(
	[
		`publish through the form to ${expected} communes: ${publishMs.toFixed(0)} ms (request)`,
		`delivery: ${smtp.mails.length - before} mails at the SMTP server ${(deliveredMs / 1000).toFixed(1)} s after publishing`,
		`${PAGE} with ${READERS} readers: idle p99 ${p99(idle).toFixed(1)} ms (${idle.length} loads), during delivery p99 ${p99(during).toFixed(1)} ms (${during.length} loads) = ${(p99(during) / p99(idle)).toFixed(2)}× (goal ≤ 1.5×)`
	].join('\n')
);
db.close();
await server.stop();
await smtp.close();
