/**
 * Contact a peer through the portal, with the real server and a real SMTP server: the message
 * reaches the consenting people of the commune in the portal and by mail, the reply comes back
 * the same way, nobody sees an address, flooding is refused and abuse reaches the admins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { linkIn, startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

let server: TestServer;
let smtp: SmtpCatcher;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	server = await startServer({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

/** the declared use of `commune` whose solution's name or contract title contains `name` */
function usageId(commune: string, name: string): number {
	const db = new FixtureDb(server.dataDir);
	const row = db.sqlite
		.prepare(
			`select u.id from solution_usages u left join contracts c on c.id = u.contract_id
			 where u.organisation_id = ? and coalesce(c.title, u.solution_name) like ?`
		)
		.get(db.organisationId(commune), `%${name}%`) as { id: number } | undefined;
	db.close();
	if (!row) throw new Error(`no usage ${name} at ${commune}`);
	return row.id;
}

async function write(client: Client, usage: number, body: string) {
	return client.action(`/qui-utilise-quoi/ecrire/${usage}`, { body });
}

describe('contacting a peer', () => {
	it('relays a message and its reply by portal and mail, without any address', async () => {
		const mons = await new Client(server.url).login('referent@mons.demo');
		const usage = usageId('charleroi', 'population');
		const sent = await write(mons, usage, 'Bonjour, êtes-vous satisfaits de Saphir ?');
		expect(sent.body.type).toBe('redirect');
		const path = sent.body.location!.split('?')[0];
		expect(path).toMatch(/^\/messages\/\d+$/);

		// both consenting people of Charleroi receive it, with a link into the portal
		for (const to of ['agent@charleroi.demo', 'referent@charleroi.demo']) {
			const mail = await smtp.waitFor(to, /Marc Delvaux/);
			expect(mail.text).toContain('êtes-vous satisfaits de Saphir');
			expect(linkIn(mail, '/messages/')).toBe(`${server.url}${path}`);
			expect(mail.text).not.toMatch(EMAIL);
		}
		// the sender's page names people and communes, never addresses
		const thread = await (await mons.get(path)).text();
		expect(thread).toContain('Chloé Dumont');
		expect(thread).not.toContain('charleroi.demo');

		// the recipient reads it in the portal and replies; the reply reaches the sender
		const chloe = await new Client(server.url).login('agent@charleroi.demo');
		expect(await (await chloe.get('/notifications')).text()).toContain('Marc Delvaux');
		const reply = await chloe.action(`${path}?/reply`, { body: 'Oui, très satisfaits.' });
		expect(reply.status).toBe(200);
		const back = await smtp.waitFor('referent@mons.demo', /a répondu/);
		expect(back.text).toContain('Oui, très satisfaits.');
		expect(back.text).not.toMatch(EMAIL);
		expect(await (await mons.get(path)).text()).toContain('Oui, très satisfaits.');

		// someone outside the conversation learns nothing of it
		const tournai = await new Client(server.url).login('agent@tournai.demo');
		expect((await tournai.get(path)).status).toBe(404);
		expect((await tournai.action(`${path}?/reply`, { body: 'Intrus' })).status).toBe(404);
	});

	it('refuses empty messages, one’s own commune, and uses nobody accepts contact about', async () => {
		const mons = await new Client(server.url).login('referent@mons.demo');
		const empty = await write(mons, usageId('charleroi', 'population'), '   ');
		expect(empty.status).toBe(400);
		expect(empty.body.data).toContain('Écrivez votre message');

		const own = await write(mons, usageId('mons', 'ybers'), 'Bonjour collègues');
		expect(own.status).toBe(403);
		const charleroi = await new Client(server.url).login('agent@charleroi.demo');
		const nobody = await write(charleroi, usageId('mons', 'ybers'), 'Bonjour Mons');
		expect(nobody.status).toBe(400);
		expect(nobody.body.data).toContain("ne reçoit pour l'instant");
	});

	it('lets a recipient report abuse to the admins, once, not their own message', async () => {
		const seneffe = await new Client(server.url).login('referent@seneffe.demo');
		const sent = await write(seneffe, usageId('tournai', 'population'), 'Achetez mes clés USB !');
		const path = sent.body.location!.split('?')[0];
		const db = new FixtureDb(server.dataDir);
		const messageId = (
			db.sqlite
				.prepare('select id from peer_messages where conversation_id = ?')
				.get(Number(path.split('/').pop())) as { id: number }
		).id;
		db.close();

		const own = await seneffe.action(`${path}?/report`, {
			messageId: String(messageId),
			reason: 'test'
		});
		expect(own.status).toBe(403);
		const sophie = await new Client(server.url).login('agent@tournai.demo');
		const report = await sophie.action(`${path}?/report`, {
			messageId: String(messageId),
			reason: 'Publicité'
		});
		expect(report.status).toBe(200);
		const admin = await new Client(server.url).login('admin@centrale.demo');
		expect(await (await admin.get('/notifications')).text()).toContain('signalé');
		const reports = await (await admin.get('/admin/signalements')).text();
		expect(reports).toContain('Achetez mes clés USB');
		expect(reports).toContain('Publicité');
	});

	it('refuses a sixth new conversation within the hour, in French, sending nothing', async () => {
		const idea = await new Client(server.url).login('acheteur@idea.demo');
		const usage = usageId('tournai', 'population');
		for (let i = 1; i <= 5; i++)
			expect((await write(idea, usage, `Question ${i}`)).body.type).toBe('redirect');
		const before = smtp.mails.length;
		const sixth = await write(idea, usage, 'Question 6');
		expect(sixth.status).toBe(429);
		expect(sixth.body.data).toContain('limite de 5 nouveaux messages');
		await new Promise((r) => setTimeout(r, 300));
		expect(smtp.mails.filter((m) => m.text.includes('Question 6'))).toHaveLength(0);
		expect(smtp.mails.length).toBeGreaterThanOrEqual(before);
		// replies in an existing conversation are still possible
		const inbox = await (await idea.get('/messages')).text();
		const first = /href="(\/messages\/\d+)"/.exec(inbox)![1];
		expect((await idea.action(`${first}?/reply`, { body: 'Précision' })).status).toBe(200);
	});
});
