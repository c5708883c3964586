/**
 * The purchase plan end to end on the real server: a commune adds an intention from a contract
 * page, reads when it is feasible and what to decide, exports it; bad input changes nothing;
 * only the commune's members see it.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
// the server's today is 7 December 2026: MB2 2026 and the initial budget 2027 are past deadlines
const TODAY = Date.parse('2026-12-07T10:00:00Z');
beforeAll(async () => {
	server = await startServer({ env: { CLOCK_OFFSET_MS: String(TODAY - Date.now()) } });
});
afterAll(async () => {
	await server?.stop();
});

const as = (email: string) => new Client(server.url).login(email);
const CONTRACT = 'IGR-2025-EGU-01';
const FORM = `/catalogue/${CONTRACT}/planifier`;

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}
const lot = (number: number) =>
	query<{ id: number }>(
		'select lots.id from lots join contracts on contracts.id = lots.contract_id where reference = ? and number = ?',
		CONTRACT,
		number
	)[0].id;
const items = (lotId: number) =>
	query<{ id: number; label: string }>(
		'select id, label from price_items where lot_id = ? order by id',
		lotId
	);
const intentionCount = (slug: string) =>
	query<{ n: number }>(
		'select count(*) as n from purchase_intentions join organisations o on o.id = organisation_id where o.slug = ?',
		slug
	)[0].n;

describe('a commune’s purchase plan', () => {
	it('shows the demo intentions of Mons with what to do now', async () => {
		const mons = await as('referent@mons.demo');
		const html = await (await mons.get('/plan-achats')).text();
		expect(html).toContain("Plan d'achats de");
		expect(html).toContain('À faire maintenant');
		expect(html).toContain('Guichet citoyen en ligne');
		expect(html).toContain('Les 24 prochains mois');
	});

	it('adds an intention and says it is too late for MB2 but MB1 next year works', async () => {
		const tournai = await as('agent@tournai.demo');
		expect(intentionCount('tournai')).toBe(0);
		const form = await (await tournai.get(FORM)).text();
		expect(form).toContain("Ajouter à mon plan d'achats");
		const [subscription, , setup] = items(lot(1));
		const added = await tournai.action(FORM, {
			lotId: String(lot(1)),
			month: '12',
			year: '2026',
			modules: ['software'],
			[`q_${subscription.id}`]: '1',
			[`q_${setup.id}`]: '2,5'
		});
		expect(added.body.type).toBe('redirect');
		expect(intentionCount('tournai')).toBe(1);
		const stored = query<{ quantity_hundredths: number }>(
			'select quantity_hundredths from purchase_intention_items order by id desc limit 2'
		);
		expect(stored.map((s) => s.quantity_hundredths).sort()).toEqual([100, 250]);

		const plan = await (await tournai.get('/plan-achats')).text();
		expect(plan).toContain(
			'Trop tard pour la MB2 2026 : la demande devait être prête avant le 21 juillet 2026.'
		);
		expect(plan).toContain('Première date possible : juillet 2027, par la MB1 2027');
		expect(plan).toContain('Adhésion au marché');
	});

	it.each<[string, Record<string, string>, string]>([
		['a month already past', { month: '11', year: '2026' }, 'Novembre 2026 est déjà passé'],
		[
			'a budget year after the contract',
			{ month: '1', year: '2099' },
			'en dehors de la durée du marché'
		],
		[
			'an impossible quantity',
			{ month: '3', year: '2027', qty: '1,234' },
			'au plus deux décimales'
		],
		[
			'no quantity at all',
			{ month: '3', year: '2027', qty: '' },
			'Indiquez au moins une quantité.'
		],
		[
			'more than the framework allows',
			{ month: '3', year: '2027', qty: '99999' },
			'montant maximal'
		],
		['no month', { month: '13', year: '2027' }, 'Choisissez le mois de début.']
	])('refuses %s with a French message and saves nothing', async (_, input, message) => {
		const mons = await as('referent@mons.demo');
		const before = intentionCount('mons');
		const [subscription] = items(lot(1));
		const { qty = '1', ...when } = input;
		const answer = await mons.action(FORM, {
			lotId: String(lot(1)),
			...when,
			[`q_${subscription.id}`]: qty
		});
		expect(answer.body.type).toBe('failure');
		expect(answer.body.data).toContain(message);
		// what was typed comes back
		if (qty) expect(answer.body.data).toContain(qty);
		expect(intentionCount('mons')).toBe(before);
	});

	it('refuses a lot of another contract', async () => {
		const mons = await as('referent@mons.demo');
		const other = query<{ id: number }>(
			"select lots.id from lots join contracts c on c.id = contract_id where reference = 'IMIO-2024-DEL-03'"
		)[0].id;
		const answer = await mons.action(FORM, { lotId: String(other), month: '3', year: '2027' });
		expect(answer.body.data).toContain('Ce lot n’appartient pas à ce marché.');
	});

	it('exports the plan per intention and budget year for the finance director', async () => {
		const charleroi = await as('referent@charleroi.demo');
		const res = await charleroi.get('/plan-achats/plan.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		const csv = await res.text();
		expect(csv).toContain('Marché;Intitulé;Lot;Début souhaité');
		expect(csv).toContain('IGR-2025-EGU-01');
		expect(csv).toContain('104/123-13 (à confirmer par le directeur financier)');
	});

	it('is the commune’s own: buyers and other communes cannot read or change it', async () => {
		const buyer = await as('acheteur@igretec.demo');
		expect((await buyer.get('/plan-achats')).status).toBe(403);
		expect((await buyer.get('/plan-achats/plan.csv')).status).toBe(403);
		expect((await buyer.get(FORM)).status).toBe(403);
		const mons = await as('referent@mons.demo');
		const charleroiIntention = query<{ id: number }>(
			"select i.id from purchase_intentions i join organisations o on o.id = i.organisation_id where o.slug = 'charleroi'"
		)[0].id;
		const removal = await mons.action('/plan-achats?/retirer', {
			intentionId: String(charleroiIntention)
		});
		expect(removal.body.type).toBe('failure');
		expect(intentionCount('charleroi')).toBeGreaterThan(0);
		const anonymous = await new Client(server.url).get('/plan-achats');
		expect(anonymous.status).toBe(303);
	});

	it('lets the commune remove its own intention', async () => {
		const mons = await as('referent@mons.demo');
		const before = intentionCount('mons');
		const own = query<{ id: number }>(
			"select i.id from purchase_intentions i join organisations o on o.id = i.organisation_id where o.slug = 'mons'"
		)[0].id;
		const removal = await mons.action('/plan-achats?/retirer', { intentionId: String(own) });
		expect(removal.body.type).toBe('redirect');
		expect(intentionCount('mons')).toBe(before - 1);
	});

	it('records a decision taken, by the referent only, and reuses it in the adhesion form', async () => {
		const imio = query<{ id: number }>(
			`select i.id from purchase_intentions i join organisations o on o.id = i.organisation_id
			 join contracts c on c.id = i.contract_id where o.slug = 'charleroi' and c.reference = 'IMIO-2024-DEL-03'`
		)[0].id;
		const decision = {
			intentionId: String(imio),
			kind: 'contractAdhesion',
			decidedOn: '2026-12-01',
			reference: 'COL/2026/777'
		};
		const agent = await as('agent@charleroi.demo');
		expect((await agent.action('/plan-achats?/decision', decision)).status).toBe(403);
		const referent = await as('referent@charleroi.demo');
		const future = await referent.action('/plan-achats?/decision', {
			...decision,
			decidedOn: '2026-12-08'
		});
		expect(future.body.data).toContain('sa date ne peut pas être future');
		expect(query('select * from plan_decisions')).toEqual([]);

		const ok = await referent.action('/plan-achats?/decision', decision);
		expect(ok.body.type).toBe('redirect');
		expect(
			query<{ kind: string; reference: string }>('select kind, reference from plan_decisions')
		).toEqual([{ kind: 'contractAdhesion', reference: 'COL/2026/777' }]);
		const plan = await (await referent.get('/plan-achats')).text();
		expect(plan).toContain('décision du 1 décembre 2026 (COL/2026/777)');
		const contractPage = await (await referent.get('/catalogue/IMIO-2024-DEL-03')).text();
		expect(contractPage).toContain('value="COL/2026/777"');
		expect(contractPage).toContain('value="2026-12-01"');
	});
});

describe('the buyers’ view of the plans', () => {
	it('adds up the communes’ plans by year for the contract’s buyers only', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const page = await buyer.get(`/gestion/marches/${CONTRACT}/plans`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Montants estimés HTVA par commune et par exercice');
		expect(html).toContain('Charleroi');
		expect(html).toContain('Total');
		const other = await new Client(server.url).login('acheteur@idea.demo');
		expect((await other.get(`/gestion/marches/${CONTRACT}/plans`)).status).toBe(403);
		const referent = await new Client(server.url).login('referent@mons.demo');
		expect((await referent.get(`/gestion/marches/${CONTRACT}/plans`)).status).toBe(403);
	});
});
