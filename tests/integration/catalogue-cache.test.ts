/**
 * The catalogue keeps its answers while nothing changes (catalogue/search-cache.ts): after each
 * kind of write that changes a result or a count, the very next search must show it. Every step
 * searches first, so the answer is cached when the write happens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
let db: FixtureDb;
let buyer: Client;
beforeAll(async () => {
	server = await startServer();
	db = new FixtureDb(server.dataDir);
	buyer = await new Client(server.url).login('acheteur@igretec.demo');
});
afterAll(async () => {
	db?.close();
	await server?.stop();
});

const REF = 'IGR-2027-HYD-01';
const back = (action: string, reference = REF) => `/gestion/marches/${reference}?/${action}`;

/** What a catalogue page shows: how many contracts, which ones, and every facet's counts. */
async function catalogue(query = '') {
	const html = await (await fetch(`${server.url}/catalogue?${query}`)).text();
	const total = Number(/id="results"[^>]*>\s*(\d+)/.exec(html)?.[1] ?? NaN);
	const references = [...html.matchAll(/<span class="ref">Réf\. ([^<]+)<\/span>/g)].map(
		(m) => m[1]
	);
	const facets: Record<string, number> = {};
	const option =
		/name="(\w+)" value="([^"]+)"[^>]*\/>[^<]*<span class="count[^"]*">\((\d+)\)<\/span>/g;
	for (const m of html.matchAll(option)) facets[`${m[1]}=${m[2]}`] = Number(m[3]);
	return { html, total, references, facets };
}

function lotIds(reference: string): number[] {
	return (
		db.sqlite
			.prepare(
				'select l.id from lots l join contracts c on c.id = l.contract_id where c.reference = ? order by l.number'
			)
			.all(reference) as { id: number }[]
	).map((r) => r.id);
}

const CONTRACT = {
	title: 'Réseau de stations hydrométriques',
	summary: 'Mesure des niveaux des cours d’eau.',
	description: '',
	theme: 'cybersecurite',
	procedure: 'ouverte',
	endDate: '2031-12-31',
	startDate: '2028-01-01',
	maxEndDate: '',
	maxValue: '',
	modules: ['software']
};

const PRICE = {
	unit: 'sonde',
	unitPrice: '1 200,00',
	vatRate: '21',
	recurrence: 'one_off',
	budgetNature: 'extraordinaire',
	suggestedArticle: '104/742-53',
	module: 'software'
};

describe('catalogue answers after a write', () => {
	it('show a new contract, its edits and its status changes at once', async () => {
		const before = await catalogue();
		expect((await catalogue('q=hydrometriques')).total).toBe(0);
		const created = await buyer.post('/gestion/marches/nouveau', {
			...CONTRACT,
			reference: REF,
			centraleId: String(db.organisationId('igretec'))
		});
		expect(created.status).toBe(303);
		const after = await catalogue();
		expect(after.total).toBe(before.total + 1);
		expect(after.facets['statut=planned']).toBe(before.facets['statut=planned'] + 1);
		expect(after.facets['thematique=cybersecurite']).toBe(
			before.facets['thematique=cybersecurite'] + 1
		);
		expect((await catalogue('q=hydrometriques')).references).toEqual([REF]);

		// edit: new title and theme
		const version = /name="version"[^>]*value="(\d+)"/.exec(
			await (await buyer.get(`/gestion/marches/${REF}`)).text()
		)![1];
		const saved = await buyer.post(back('enregistrer'), {
			...CONTRACT,
			version,
			title: 'Réseau de limnimètres connectés',
			theme: 'smart-city'
		});
		expect(saved.status).toBe(303);
		expect((await catalogue('q=hydrometriques')).total).toBe(0);
		expect((await catalogue('q=limnimetres')).references).toEqual([REF]);
		const edited = await catalogue();
		expect(edited.facets['thematique=cybersecurite']).toBe(
			before.facets['thematique=cybersecurite']
		);
		expect(edited.facets['thematique=smart-city']).toBe(
			(before.facets['thematique=smart-city'] ?? 0) + 1
		);

		// status: planned → tendering
		const moved = await buyer.post(back('statut'), { to: 'tendering' });
		expect(moved.status).toBe(303);
		const tendering = await catalogue();
		expect(tendering.facets['statut=planned']).toBe(before.facets['statut=planned']);
		expect(tendering.facets['statut=tendering']).toBe(before.facets['statut=tendering'] + 1);
		expect((await catalogue('statut=tendering&q=limnimetres')).references).toEqual([REF]);
	});

	it('find a contract by its lots’ adjudicataires and price items as they change', async () => {
		await catalogue('q=piezometre');
		await catalogue('q=hydrosonde');
		const vatNumber = 'BE0999777713';
		const supplier = await buyer.action(back('fournisseur'), {
			name: 'Hydrosonde Wallonie (fictif)',
			vatNumber
		});
		expect(supplier.body.type).toBe('success');
		const supplierId = (
			db.sqlite.prepare('select id from suppliers where vat_number = ?').get(vatNumber) as {
				id: number;
			}
		).id;
		// a supplier alone is in no contract's text yet
		expect((await catalogue('q=hydrosonde')).total).toBe(0);
		const lot = await buyer.action(back('lot'), {
			title: 'Sondes',
			supplierId: String(supplierId),
			endDate: ''
		});
		expect(lot.body.type).toBe('success');
		expect((await catalogue('q=hydrosonde')).references).toEqual([REF]);

		// the supplier's name corrected from the list of adjudicataires
		const renamed = await buyer.action('/gestion/adjudicataires?/corriger', {
			supplierId: String(supplierId),
			name: 'Aquamesure Wallonie (fictif)',
			vatNumber
		});
		expect(renamed.body.type).toBe('success');
		expect((await catalogue('q=hydrosonde')).total).toBe(0);
		expect((await catalogue('q=aquamesure')).references).toEqual([REF]);

		// price items: added, renamed, deleted
		const [lotId] = lotIds(REF);
		const added = await buyer.action(back('poste'), {
			lotId: String(lotId),
			label: 'Piézomètre autonome',
			...PRICE
		});
		expect(added.body.type).toBe('success');
		expect((await catalogue('q=piezometre')).references).toEqual([REF]);
		const itemId = (
			db.sqlite.prepare('select id from price_items where lot_id = ?').get(lotId) as { id: number }
		).id;
		const edited = await buyer.action(back('posteMaj'), {
			itemId: String(itemId),
			label: 'Pluviomètre autonome',
			...PRICE
		});
		expect(edited.body.type).toBe('success');
		expect((await catalogue('q=piezometre')).total).toBe(0);
		expect((await catalogue('q=pluviometre')).references).toEqual([REF]);
		const deleted = await buyer.action(back('posteSuppr'), {
			itemId: String(itemId),
			confirm: '1'
		});
		expect(deleted.body.type).toBe('success');
		expect((await catalogue('q=pluviometre')).total).toBe(0);

		// the lot deleted: its adjudicataire no longer finds the contract
		const gone = await buyer.action(back('lotSuppr'), { lotId: String(lotId), confirm: '1' });
		expect(gone.body.type).toBe('success');
		expect((await catalogue('q=aquamesure')).total).toBe(0);
	});

	it('show a relaunch and flag the contract it replaces', async () => {
		const ended = 'IGR-2021-TAB-01';
		const before = await catalogue('termines=1&q=tablettes');
		expect(before.references).toEqual([ended]);
		expect(before.html).not.toContain('Remplacé');
		const relaunch = await buyer.post(back('relancer', ended), {});
		expect(relaunch.status).toBe(303);
		const after = await catalogue('termines=1&q=tablettes');
		expect(after.references.sort()).toEqual([ended, `${ended}-R`]);
		expect(after.html).toContain('Remplacé');
		expect(after.facets['statut=planned']).toBe(before.facets['statut=planned'] + 1);
	});

	it('follow writes made by another process on the same database', async () => {
		const before = await catalogue('q=limnimetres');
		expect(before.total).toBe(1);
		db.sqlite.prepare("update contracts set status = 'cancelled' where reference = ?").run(REF);
		const after = await catalogue('q=limnimetres');
		expect(after.total).toBe(0);
		expect(after.facets['statut=cancelled']).toBe(1);
		db.sqlite
			.prepare("update organisations set short_name = 'IGRETEC SCRL' where slug = 'igretec'")
			.run();
		expect((await catalogue()).html).toContain('IGRETEC SCRL');
	});
});
