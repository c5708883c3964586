/**
 * The buyers' back office of document templates: each save is a new version (older ones stay
 * readable), unknown placeholders are refused with the valid ones listed and nothing saved, only
 * buyers reach it, and the communes' next documents use the new version. Each centrale keeps its
 * own versions: a commune's document is written with the template of the contract's centrale, or
 * the default text while that centrale has none.
 */
import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}
const versions = () =>
	query<{ version: number; body: string }>(
		`select version, body from plan_templates where kind = 'budgetSheet' order by version`
	);
const PAGE = '/gestion/modeles/fiche-budgetaire';

describe('document templates in the back office', () => {
	it('is reachable by buyers only, and linked from /gestion', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const gestion = await (await buyer.get('/gestion')).text();
		expect(gestion).toContain('href="/gestion/modeles"');
		const page = await buyer.get(PAGE);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Aperçu avec une commune exemple');
		expect(html).toContain('Pouvoir local : Commune exemple (INS 99999)');

		const referent = await new Client(server.url).login('referent@mons.demo');
		expect((await referent.get(PAGE)).status).toBe(403);
		expect((await referent.action(`${PAGE}?/enregistrer`, { body: '# x' })).status).toBe(403);
		expect((await new Client(server.url).get(PAGE)).status).toBe(303);
		expect(versions()).toEqual([]);
	});

	it('refuses unknown placeholders with the valid ones listed, saving nothing', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const res = await buyer.action(`${PAGE}?/enregistrer`, {
			body: '# Fiche de {commune}\nMontant : {montant} pour {communes}'
		});
		expect(res.status).toBe(400);
		expect(res.body.data).toContain('Champs inconnus : {montant}, {communes}.');
		expect(res.body.data).toContain('Champs valides : {commune}, {nis}, {centrale}');
		// what was typed comes back
		expect(res.body.data).toContain('Montant : {montant} pour {communes}');
		expect(versions()).toEqual([]);
	});

	it('saves a new version on each save, keeps the older ones readable, and uses the latest', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const first = '# Fiche budgétaire v1 — {intitule}\nPouvoir local : {commune} (INS {nis})';
		const second = '# Fiche budgétaire v2 — {intitule}\nCommune : {commune}\nTotal : {montantHtva}';
		expect((await buyer.action(`${PAGE}?/enregistrer`, { body: first })).status).toBe(200);
		const saved = await buyer.action(`${PAGE}?/enregistrer`, { body: second });
		expect(saved.body.data).toContain('Version 2 enregistrée.');
		expect(versions().map((v) => v.version)).toEqual([1, 2]);

		const latest = await (await buyer.get(PAGE)).text();
		expect(latest).toContain('Fiche budgétaire v2 — Marché exemple');
		expect(latest).toContain('href="?version=1"');
		const older = await (await buyer.get(`${PAGE}?version=1`)).text();
		expect(older).toContain('Fiche budgétaire v1 — Marché exemple');
		expect(older).toContain('Vous lisez une ancienne version');
		const original = await (await buyer.get(`${PAGE}?version=0`)).text();
		expect(original).toContain('article à confirmer par le directeur financier');
		expect((await buyer.get(`${PAGE}?version=9`)).status).toBe(404);

		// a preview of unsaved text saves nothing
		const preview = await buyer.action(`${PAGE}?/apercu`, { body: '# Essai {commune}' });
		expect(preview.body.data).toContain('Essai Commune exemple');
		expect(versions()).toHaveLength(2);

		// the communes' next fiche is written with version 2
		const mons = await new Client(server.url).login('referent@mons.demo');
		const [{ id }] = query<{ id: number }>(
			`select i.id from purchase_intentions i join organisations o on o.id = i.organisation_id
			 where o.slug = 'mons' order by i.id`
		);
		const res = await mons.get(`/plan-achats/${id}/fiche-budgetaire.docx`);
		expect(res.status).toBe(200);
		const buffer = Buffer.from(await res.arrayBuffer());
		const text = (await mammoth.extractRawText({ buffer })).value;
		expect(text).toContain('Fiche budgétaire v2');
		expect(text).toContain('Commune : Mons');
		expect(
			query<{ v: number }>(`select template_version as v from plan_documents order by id desc`)[0].v
		).toBe(2);
	});

	it('keeps each centrale’s own versions, and writes a document with its contract’s centrale’s', async () => {
		const idea = await new Client(server.url).login('acheteur@idea.demo');
		// IGRETEC's versions are not IDEA's: IDEA reads the default text as its version 0
		const before = await (await idea.get(PAGE)).text();
		expect(before).not.toContain('Fiche budgétaire v2');
		expect(before).toContain('article à confirmer par le directeur financier');
		expect(before).not.toContain('href="?version=1"');
		const saved = await idea.action(`${PAGE}?/enregistrer`, {
			body: '# Fiche IDEA — {intitule}\nCommune : {commune}'
		});
		expect(saved.body.data).toContain('Version 1 enregistrée.');
		const rows = query<{ centrale: string; version: number }>(
			`select o.slug as centrale, t.version from plan_templates t
			 join organisations o on o.id = t.centrale_id where t.kind = 'budgetSheet' order by t.id`
		);
		expect(rows).toEqual([
			{ centrale: 'igretec', version: 1 },
			{ centrale: 'igretec', version: 2 },
			{ centrale: 'idea', version: 1 }
		]);

		const fiche = async (email: string, reference: string) => {
			const client = await new Client(server.url).login(email);
			const [{ id }] = query<{ id: number }>(
				`select i.id from purchase_intentions i join organisations o on o.id = i.organisation_id
				 join contracts c on c.id = i.contract_id
				 where o.slug = ? and c.reference = ? order by i.id`,
				email.split('@')[1].split('.')[0],
				reference
			);
			const res = await client.get(`/plan-achats/${id}/fiche-budgetaire.docx`);
			expect(res.status).toBe(200);
			const buffer = Buffer.from(await res.arrayBuffer());
			return (await mammoth.extractRawText({ buffer })).value;
		};
		// an IGRETEC contract: IGRETEC's version 2, not IDEA's
		const igretec = await fiche('referent@mons.demo', 'IGR-2025-EGU-01');
		expect(igretec).toContain('Fiche budgétaire v2');
		expect(igretec).not.toContain('Fiche IDEA');
		// an IMIO contract: IMIO has no version of its own, the default text
		const imio = await fiche('referent@charleroi.demo', 'IMIO-2024-DEL-03');
		expect(imio).not.toContain('Fiche budgétaire v2');
		expect(imio).not.toContain('Fiche IDEA');
		expect(imio).toContain('article à confirmer par le directeur financier');
		expect(
			query<{ v: number }>(`select template_version as v from plan_documents order by id desc`)[0].v
		).toBe(0);

		// IDEA's buyer cannot save into IGRETEC's templates: the form always saves the buyer's own
		expect(
			query<{ n: number }>(
				`select count(*) as n from plan_templates t join organisations o on o.id = t.centrale_id
				 where o.slug = 'igretec'`
			)[0].n
		).toBe(2);
	});

	it('falls back to a shared version saved before templates were per centrale', async () => {
		const db = new Database(path.join(server.dataDir, 'centrale.sqlite'));
		try {
			db.prepare(
				`insert into plan_templates (centrale_id, kind, version, body, created_at)
				 values (null, 'budgetSheet', 3, '# Fiche commune à toutes — {intitule}', ?)`
			).run(Date.now());
		} finally {
			db.close();
		}
		const ideta = await new Client(server.url).login('acheteur@ideta.demo');
		const page = await (await ideta.get(PAGE)).text();
		expect(page).toContain('Fiche commune à toutes');
		// IDEA has its own version: the shared one does not replace it
		const idea = await new Client(server.url).login('acheteur@idea.demo');
		expect(await (await idea.get(PAGE)).text()).toContain('Fiche IDEA');
	});
});
