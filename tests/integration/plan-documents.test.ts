/**
 * Plan → fiche budgétaire → deliberations, as .docx files read back with a real parser
 * (mammoth): the commune's name and NIS code, the centrale, the contract and its lot, the
 * amounts and the legal references are in the text; every generation is recorded and comes back
 * identical.
 */
import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
const TODAY = Date.parse('2026-12-07T10:00:00Z');
beforeAll(async () => {
	server = await startServer({ env: { CLOCK_OFFSET_MS: String(TODAY - Date.now()) } });
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
const intentionOf = (slug: string) =>
	query<{ id: number }>(
		`select i.id from purchase_intentions i join organisations o on o.id = i.organisation_id
		 join contracts c on c.id = i.contract_id
		 where o.slug = ? and c.reference = 'IGR-2025-EGU-01' order by i.id`,
		slug
	)[0].id;

async function docxText(res: Response): Promise<string> {
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toContain('wordprocessingml');
	const buffer = Buffer.from(await res.arrayBuffer());
	return (await mammoth.extractRawText({ buffer })).value;
}

describe('documents generated from a purchase intention', () => {
	it('fills the fiche budgétaire with the commune, the contract, the amounts per year', async () => {
		const mons = await new Client(server.url).login('referent@mons.demo');
		const id = intentionOf('mons');
		const text = await docxText(await mons.get(`/plan-achats/${id}/fiche-budgetaire.docx`));
		expect(text).toContain(
			'Fiche budgétaire — Guichet citoyen en ligne et formulaires électroniques'
		);
		expect(text).toContain('Pouvoir local : Mons (INS 53053)');
		expect(text).toContain(
			'IGRETEC — marché IGR-2025-EGU-01, lot 1 « Plateforme de guichet en ligne »'
		);
		expect(text).toMatch(/2027 : [\d\s]+,\d\d\s€ HTVA/);
		expect(text).toContain('article à confirmer par le directeur financier');
		expect(text).toContain('104/123-13');
	});

	it('writes the deliberations with Vu / Considérant / Décide and the legal references', async () => {
		const mons = await new Client(server.url).login('referent@mons.demo');
		const id = intentionOf('mons');
		const council = await docxText(
			await mons.get(`/plan-achats/${id}/deliberation-adhesion-centrale.docx`)
		);
		expect(council).toContain('Conseil communal de Mons — Adhésion à la centrale d’achat IGRETEC');
		expect(council).toContain(
			'Vu le Code de la démocratie locale et de la décentralisation, notamment l’article L1222-7'
		);
		expect(council).toContain('articles 2, 6° et 7°, et 47');
		expect(council).toContain('Décide :');
		expect(council).toContain('code INS 53053');
		const interest = await docxText(await mons.get(`/plan-achats/${id}/deliberation-interet.docx`));
		expect(interest).toContain('C-216/17, Coopservice');
		const order = await docxText(await mons.get(`/plan-achats/${id}/deliberation-commande.docx`));
		expect(order).toMatch(/HTVA, soit [\d\s]+,\d\d\s€ TVAC/);
		expect(order).toContain('L1124-40');
	});

	it('records each generation and regenerates it identically', async () => {
		const charleroi = await new Client(server.url).login('referent@charleroi.demo');
		const id = intentionOf('charleroi');
		const first = await docxText(await charleroi.get(`/plan-achats/${id}/fiche-budgetaire.docx`));
		const [doc] = query<{ id: number; template_version: number; generated_by: number }>(
			'select id, template_version, generated_by from plan_documents where intention_id = ? order by id desc',
			id
		);
		expect(doc.template_version).toBe(0);
		expect(doc.generated_by).toBeGreaterThan(0);
		const again = await docxText(await charleroi.get(`/plan-achats/historique/${doc.id}.docx`));
		expect(again).toBe(first);
		// another commune cannot fetch it
		const mons = await new Client(server.url).login('referent@mons.demo');
		expect((await mons.get(`/plan-achats/historique/${doc.id}.docx`)).status).toBe(404);
		expect((await mons.get(`/plan-achats/${id}/fiche-budgetaire.docx`)).status).toBe(404);
	});

	it('shows a printable view with the same text', async () => {
		const mons = await new Client(server.url).login('referent@mons.demo');
		const html = await (
			await mons.get(`/plan-achats/${intentionOf('mons')}/deliberation-commande`)
		).text();
		expect(html).toContain(
			'Collège communal de Mons — Adhésion au marché IGR-2025-EGU-01 et commande'
		);
		expect(html).toContain('Imprimer');
	});
});
