/**
 * « Nous l'utilisons » and « Qui utilise quoi ? » against the real server: a commune declares,
 * the list filters and searches without accents, open-web visitors see consenting uses only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const text = async (client: Client, path: string) => {
	const res = await client.get(path);
	expect(res.status).toBe(200);
	return res.text();
};

describe('declaring what a commune uses', () => {
	it('adds a solution bought elsewhere, refuses it twice and bad dates, and lists it', async () => {
		const agent = await new Client(server.url).login('agent@tournai.demo');
		const path = '/qui-utilise-quoi/nous-l-utilisons?/save';
		const fields = {
			solutionName: 'Gestion des cimetières',
			supplierName: 'Cimetix SRL',
			modules: 'software',
			version: 'v3',
			since: '2022-04',
			contactAgents: '1'
		};
		expect((await agent.action(path, fields)).status).toBe(200);
		const twice = await agent.action(path, { ...fields, solutionName: 'gestion des CIMETIERES' });
		expect(twice.status).toBe(400);
		expect(twice.body.data).toContain('déjà déclaré');
		const future = await agent.action(path, {
			...fields,
			solutionName: 'Autre',
			since: '2999-01'
		});
		expect(future.status).toBe(400);
		expect(future.body.data).toContain('AAAA-MM');
		// the page keeps what was typed
		expect(future.body.data).toContain('Autre');

		const page = await text(agent, '/qui-utilise-quoi?q=cimetieres');
		expect(page).toContain('Gestion des cimetières');
		expect(page).toContain('Cimetix SRL');
		// the commune's page in the Annuaire shows it too
		expect(await text(new Client(server.url), '/annuaire/tournai')).toContain(
			'Gestion des cimetières'
		);
	});

	it('is refused to buyers and to anyone for another commune', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		expect((await buyer.get('/qui-utilise-quoi/nous-l-utilisons')).status).toBe(403);
		const refused = await buyer.action('/qui-utilise-quoi/nous-l-utilisons?/save', {
			solutionName: 'X',
			supplierName: 'Y'
		});
		expect(refused.status).toBe(403);

		// Mons's referent cannot change or withdraw Charleroi's declaration
		const db = new FixtureDb(server.dataDir);
		const charleroiUsage = db.sqlite
			.prepare(
				'select id, version from solution_usages where organisation_id = ? and contract_id is not null'
			)
			.get(db.organisationId('charleroi')) as { id: number; version: string };
		const mons = await new Client(server.url).login('referent@mons.demo');
		const edit = await mons.action('/qui-utilise-quoi/nous-l-utilisons?/save', {
			usageId: String(charleroiUsage.id),
			version: 'piraté'
		});
		expect(edit.status).toBe(404);
		const remove = await mons.action('/qui-utilise-quoi/nous-l-utilisons?/remove', {
			usageId: String(charleroiUsage.id),
			confirm: '1'
		});
		expect(remove.status).toBe(404);
		const after = db.sqlite
			.prepare('select version from solution_usages where id = ?')
			.get(charleroiUsage.id) as { version: string };
		expect(after.version).toBe(charleroiUsage.version);
		db.close();
	});

	it('lists adhesions as uses without a declaration', async () => {
		const referent = await new Client(server.url).login('referent@seneffe.demo');
		const page = await text(referent, '/qui-utilise-quoi/nous-l-utilisons');
		expect(page).toContain("D'après vos adhésions");
	});
});

describe('Qui utilise quoi ?', () => {
	it('filters by supplier, module, intercommunale and arrondissement', async () => {
		const member = await new Client(server.url).login('referent@mons.demo');
		const civadis = await text(member, '/qui-utilise-quoi?fournisseur=Civadis');
		expect(civadis).toContain('Logiciel de gestion de la population');
		expect(civadis).not.toContain('Plateforme de délibérations');

		const ath = await text(member, '/qui-utilise-quoi?arrondissement=Ath');
		expect(ath).toContain('Plateforme de délibérations');
		expect(ath).not.toContain('Logiciel de gestion de la population');

		const igretec = await text(member, '/qui-utilise-quoi?intercommunale=igretec');
		expect(igretec).toContain('Logiciel de gestion de la population');
		expect(igretec).not.toContain('Plateforme de délibérations');

		const training = await text(member, '/qui-utilise-quoi?module=training&q=deliberations');
		expect(training).toContain('Plateforme de délibérations');
		const none = await text(member, '/qui-utilise-quoi?module=audit&q=deliberations');
		expect(none).toContain('Aucune solution ne correspond');
	});

	it('shows visitors only the uses whose commune accepts contact', async () => {
		const visitor = await text(new Client(server.url), '/qui-utilise-quoi');
		const member = await text(
			await new Client(server.url).login('agent@charleroi.demo'),
			'/qui-utilise-quoi'
		);
		// Mons declared its cybersecurity audit without consent
		const monsAudit = /Mons<\/a>[\s\S]{0,400}Audit/;
		expect(member).toMatch(monsAudit);
		expect(visitor).not.toMatch(monsAudit);
		expect(visitor).toContain('Logiciel de gestion de la population');
		// the adoption chart has its table
		expect(visitor).toContain('Adoption par arrondissement');
		expect(visitor).toContain('Tournai-Mouscron');
	});
});
