import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { linkIn, startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

let server: TestServer;
let smtp: SmtpCatcher;

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	server = await startServer({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

const db = () => new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });

async function orgId(slug: string) {
	const conn = db();
	const row = conn.prepare('select id from organisations where slug = ?').get(slug) as {
		id: number;
	};
	conn.close();
	return row.id;
}

describe('invitations', () => {
	it('a referent invites an agent of their commune, who activates the account from the email', async () => {
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		const res = await referent.action('/inviter', {
			name: 'Julie Martin',
			email: 'Julie.Martin@Charleroi.be',
			organisationId: String(await orgId('charleroi')),
			role: 'agent'
		});
		expect(res.body.type).toBe('success');
		const mail = await smtp.waitFor('julie.martin@charleroi.be', /invite/);
		expect(mail.text).toContain('agent communal pour Charleroi');
		const link = new URL(linkIn(mail, '/invitation/'));

		const invited = new Client(server.url);
		const accept = await invited.post(link.pathname, {
			name: 'Julie Martin',
			newPassword: 'un mot de passe solide',
			confirmPassword: 'un mot de passe solide'
		});
		expect(accept.status).toBe(303);
		expect(await (await invited.get('/compte')).text()).toContain('Agent communal');

		// single use
		const again = await new Client(server.url).action(link.pathname, {
			name: 'Mallory',
			newPassword: 'un autre mot de passe',
			confirmPassword: 'un autre mot de passe'
		});
		expect(again.status).toBe(410);
	});

	it('a referent cannot invite into another commune, nor create a referent', async () => {
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		const otherCommune = await referent.action('/inviter', {
			name: 'X',
			email: 'x@mons.be',
			organisationId: String(await orgId('mons')),
			role: 'agent'
		});
		expect(otherCommune.status).toBe(403);
		const referentRole = await referent.action('/inviter', {
			name: 'Y',
			email: 'y@charleroi.be',
			organisationId: String(await orgId('charleroi')),
			role: 'referent'
		});
		expect(referentRole.status).toBe(403);
		const conn = db();
		const count = conn
			.prepare("select count(*) n from invitations where email in ('x@mons.be','y@charleroi.be')")
			.get() as { n: number };
		conn.close();
		expect(count.n).toBe(0);
	});

	it('an agent cannot open the invitation page', async () => {
		const agent = await new Client(server.url).login('agent@charleroi.demo');
		expect((await agent.get('/inviter')).status).toBe(403);
	});

	it('refuses bad input with a French message per field', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const res = await buyer.action('/inviter', {
			name: '',
			email: 'pas-une-adresse',
			organisationId: 'abc',
			role: 'chef'
		});
		expect(res.status).toBe(400);
		expect(res.body.data).toContain('Indiquez le nom de la personne.');
		expect(res.body.data).toContain('Indiquez une adresse e-mail valide');
	});
});

describe('password reset', () => {
	it('sends a single-use link that sets a new password and ends other sessions', async () => {
		const elsewhere = await new Client(server.url).login('agent@tournai.demo');
		const anonymous = new Client(server.url);
		const res = await anonymous.action('/mot-de-passe-oublie', { email: 'agent@tournai.demo' });
		expect(res.body.type).toBe('success');
		const mail = await smtp.waitFor('agent@tournai.demo', /réinitialiser/);
		const link = new URL(linkIn(mail, '/reinitialiser/'));

		const reset = await anonymous.post(link.pathname, {
			newPassword: 'nouveau mot de passe',
			confirmPassword: 'nouveau mot de passe'
		});
		expect(reset.status).toBe(303);
		expect((await elsewhere.get('/compte')).status).toBe(303); // logged out
		await new Client(server.url).login('agent@tournai.demo', 'nouveau mot de passe');
		const reuse = await new Client(server.url).action(link.pathname, {
			newPassword: 'encore un autre',
			confirmPassword: 'encore un autre'
		});
		expect(reuse.status).toBe(410);
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const before = smtp.mails.length;
		const res = await new Client(server.url).action('/mot-de-passe-oublie', {
			email: 'inconnu@nulle-part.be'
		});
		expect(res.body.type).toBe('success');
		await new Promise((r) => setTimeout(r, 300));
		expect(smtp.mails.length).toBe(before);
	});

	it('spends every other reset link of the account and the open invitations to its address', async () => {
		const email = 'sarah.lemaire@tournai.be';
		const fixtures = new FixtureDb(server.dataDir);
		createAccount(fixtures, email, 'tournai');
		// an invitation to the same address, still open (sent before the account existed)
		inviteDirectly(fixtures, email, 'tournai', 'jeton-invitation-oublie');
		fixtures.close();

		const anonymous = new Client(server.url);
		for (let i = 0; i < 2; i++) {
			await anonymous.action('/mot-de-passe-oublie', { email });
		}
		const links = await mailedLinks(email, '/reinitialiser/', 2);
		const reset = await anonymous.post(links[0], {
			newPassword: 'un mot de passe neuf',
			confirmPassword: 'un mot de passe neuf'
		});
		expect(reset.status).toBe(303);

		const other = await new Client(server.url).action(links[1], {
			newPassword: 'celui de l’attaquant',
			confirmPassword: 'celui de l’attaquant'
		});
		expect(other.status).toBe(410);
		expect(openInvitations(email)).toBe(0);
		const invitation = await new Client(server.url).get('/invitation/jeton-invitation-oublie');
		expect(await invitation.text()).toContain("Cette invitation n'est plus valable");
	});

	it('an accepted invitation spends the other open invitations to the same address', async () => {
		const email = 'paul.hennebert@charleroi.be';
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		await referent.action('/inviter', {
			name: 'Paul Hennebert',
			email,
			organisationId: String(await orgId('charleroi')),
			role: 'agent'
		});
		const [link] = await mailedLinks(email, '/invitation/', 1);
		// another invitation to the address, open beside the first (a new one would revoke it)
		const fixtures = new FixtureDb(server.dataDir);
		inviteDirectly(fixtures, email, 'charleroi', 'jeton-invitation-parallele');
		fixtures.close();
		expect(openInvitations(email)).toBe(2);
		const accept = await new Client(server.url).post(link, {
			name: 'Paul Hennebert',
			newPassword: 'un mot de passe solide',
			confirmPassword: 'un mot de passe solide'
		});
		expect(accept.status).toBe(303);
		expect(openInvitations(email)).toBe(0);
	});
});

/** An active account with the demo password, made straight in the database. */
function createAccount(fixtures: FixtureDb, email: string, organisation: string) {
	fixtures.sqlite
		.prepare(
			`insert into users (email, name, role, organisation_id, password_hash)
			 select ?, 'Compte de test', 'agent', ?, password_hash from users where email = 'admin@centrale.demo'`
		)
		.run(email, fixtures.organisationId(organisation));
}

/** An open invitation whose token the test knows, made straight in the database. */
function inviteDirectly(fixtures: FixtureDb, email: string, organisation: string, token: string) {
	fixtures.sqlite
		.prepare(
			`insert into invitations (token_hash, email, name, role, organisation_id, expires_at, created_at)
			 values (?, ?, 'Invité', 'agent', ?, ?, ?)`
		)
		.run(
			createHash('sha256').update(token).digest('hex'),
			email,
			fixtures.organisationId(organisation),
			Date.now() + 86_400_000,
			Date.now() - 86_400_000
		);
}

function openInvitations(email: string): number {
	const conn = db();
	const row = conn
		.prepare(
			'select count(*) n from invitations where email = ? and accepted_at is null and revoked_at is null'
		)
		.get(email) as { n: number };
	conn.close();
	return row.n;
}

/** The paths of the links of the first `count` mails to `to` that hold one. */
async function mailedLinks(to: string, prefix: string, count: number): Promise<string[]> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const mails = smtp.mails.filter((m) => m.to.includes(to) && m.text.includes(prefix));
		if (mails.length >= count)
			return mails.slice(0, count).map((m) => new URL(linkIn(m, prefix)).pathname);
		if (Date.now() > deadline) throw new Error(`fewer than ${count} mails to ${to}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('sessions', () => {
	it('lists and revokes one of the user’s own sessions', async () => {
		const laptop = await new Client(server.url).login('acheteur@idea.demo');
		const phone = await new Client(server.url).login('acheteur@idea.demo');
		const conn = db();
		const sessions = conn
			.prepare(
				"select s.id from sessions s join users u on u.id = s.user_id where u.email = 'acheteur@idea.demo' order by s.created_at"
			)
			.all() as { id: string }[];
		conn.close();
		expect(sessions.length).toBe(2);
		const res = await laptop.action('/compte?/revoke', { sessionId: sessions[1].id });
		expect(res.body.type).toBe('success');
		expect((await phone.get('/compte')).status).toBe(303);
		expect((await laptop.get('/compte')).status).toBe(200);
		// someone else's session id is refused, nothing changes
		const other = await new Client(server.url).login('acheteur@ideta.demo');
		const refused = await other.action('/compte?/revoke', { sessionId: sessions[0].id });
		expect(refused.status).toBe(404);
		expect((await laptop.get('/compte')).status).toBe(200);
	});

	it('an admin disabling an account ends its sessions and refuses its login', async () => {
		const agent = await new Client(server.url).login('agent@charleroi.demo');
		const conn = db();
		const { id } = conn
			.prepare("select id from users where email = 'agent@charleroi.demo'")
			.get() as { id: number };
		conn.close();
		const admin = await new Client(server.url).login('admin@centrale.demo');
		const res = await admin.action('/admin/personnes?/setDisabled', {
			userId: String(id),
			disabled: '1'
		});
		expect(res.body.type).toBe('success');
		expect((await agent.get('/compte')).status).toBe(303);
		const again = await new Client(server.url).action('/login', {
			email: 'agent@charleroi.demo',
			password: 'centrale-demo'
		});
		expect(again.status).toBe(400);
		await admin.action('/admin/personnes?/setDisabled', { userId: String(id), disabled: '0' });
	});

	it('non-admins cannot reach the administration', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		expect((await buyer.get('/admin/personnes')).status).toBe(403);
		expect((await new Client(server.url).get('/admin/courriels')).status).toBe(303);
	});

	it('non-admins get neither the administration’s data nor its forms', async () => {
		// __data.json may ask for a page's load alone: the admin layout's check does not run then
		const pageData = async (client: Client, page: string) =>
			(await client.get(`${page}/__data.json?x-sveltekit-invalidated=001`)).json();
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		for (const page of [
			'/admin/courriels',
			'/admin/journal',
			'/admin/organisations',
			'/admin/personnes'
		]) {
			expect(await pageData(new Client(server.url), page)).toMatchObject({
				type: 'redirect',
				location: expect.stringMatching(/^\/login\?/)
			});
			const refused = (await pageData(buyer, page)) as { nodes: { type: string }[] };
			expect(refused.nodes.at(-1)).toMatchObject({ type: 'error', status: 403 });
		}
		const referent = await new Client(server.url).login('referent@seneffe.demo');
		const res = await referent.action('/admin/organisations?/create', {
			name: 'CPAS créé par un référent',
			kind: 'cpas'
		});
		expect(res.status).toBe(403);
		const conn = db();
		const created = conn
			.prepare("select count(*) as n from organisations where name = 'CPAS créé par un référent'")
			.get() as { n: number };
		conn.close();
		expect(created.n).toBe(0);
	});
});

describe('directory', () => {
	it('holds the 75 communes with their territories, Seneffe on two', async () => {
		const conn = db();
		const communes = conn
			.prepare("select count(*) n from organisations where kind = 'commune'")
			.get() as { n: number };
		const seneffe = conn
			.prepare(
				"select group_concat(i.short_name, ',') s from territories t join organisations c on c.id = t.commune_id join organisations i on i.id = t.intercommunale_id where c.slug = 'seneffe'"
			)
			.get() as { s: string };
		conn.close();
		expect(communes.n).toBe(75);
		expect(seneffe.s.split(',').sort()).toEqual(['IDEA', 'IGRETEC']);
	});

	it('hides a commune’s people from others and shows them to its members', async () => {
		const page = await (await new Client(server.url).get('/annuaire/mons')).text();
		expect(page).not.toContain('Marc Delvaux');
		const tournai = await new Client(server.url)
			.login('agent@tournai.demo', 'nouveau mot de passe')
			.catch(() => null);
		if (tournai)
			expect(await (await tournai.get('/annuaire/mons')).text()).not.toContain('Marc Delvaux');
		const mons = await new Client(server.url).login('referent@mons.demo');
		expect(await (await mons.get('/annuaire/mons')).text()).toContain('Marc Delvaux');
	});
});
