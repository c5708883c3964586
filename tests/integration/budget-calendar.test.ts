/** A commune's own budget calendar: kept by its referent, read by its agents and the centrales. */
import Database from 'better-sqlite3';
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

const as = (email: string) => new Client(server.url).login(email);
const PAGE = '/compte/calendrier-budgetaire';
const Y = new Date().getUTCFullYear() + 1;

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}
const orgId = (slug: string) =>
	query<{ id: number }>('select id from organisations where slug = ?', slug)[0].id;
const rows = (slug: string) =>
	query<{ year: number; initial_vote: string; mb1: string | null; mb2: string | null }>(
		'select year, initial_vote, mb1, mb2 from budget_calendars where organisation_id = ? order by year',
		orgId(slug)
	);

describe('a commune’s budget calendar', () => {
	it('is set by the referent, with French refusals when dates are out of range or order', async () => {
		const mons = await as('referent@mons.demo');
		const page = await (await mons.get(PAGE)).text();
		expect(page).toContain(`Budget ${Y}`);
		expect(page).toContain('Calendrier par défaut');
		expect(page).toContain(`Enregistrer le calendrier ${Y}`);
		const base = { organisationId: String(orgId('mons')), year: String(Y) };

		const order = await mons.action(`${PAGE}?/save`, {
			...base,
			initialVote: `${Y - 1}-12-10`,
			mb1: `${Y}-09-20`,
			mb2: `${Y}-05-02`
		});
		expect(order.status).toBe(400);
		expect(order.body.data).toContain('La MB2 se vote après la MB1.');
		const range = await mons.action(`${PAGE}?/save`, {
			...base,
			initialVote: `${Y - 1}-06-30`,
			mb1: '',
			mb2: ''
		});
		expect(range.body.data).toContain(
			`Le budget initial ${Y} se vote entre le 1er septembre ${Y - 1} et le 31 décembre ${Y}.`
		);
		expect(rows('mons')).toEqual([]);

		const ok = await mons.action(`${PAGE}?/save`, {
			...base,
			initialVote: `${Y - 1}-12-10`,
			mb1: `${Y}-05-02`,
			mb2: ''
		});
		expect(ok.body.type).toBe('success');
		expect(rows('mons')).toEqual([
			{ year: Y, initial_vote: `${Y - 1}-12-10`, mb1: `${Y}-05-02`, mb2: null }
		]);
		const after = await (await mons.get(PAGE)).text();
		expect(after).toContain('Calendrier de la commune');
		expect(after).toContain(`le 10 décembre ${Y - 1}`);
		expect(after).toContain('pas encore fixée');
		const audit = query<{ details: string }>(
			"select details from audit_log where action = 'budgetCalendar.save' and subject_id = ?",
			String(orgId('mons'))
		);
		expect(JSON.parse(audit[0].details)).toMatchObject({
			year: Y,
			before: null,
			after: { initialVote: `${Y - 1}-12-10`, mb1: `${Y}-05-02`, mb2: null }
		});
	});

	it('is read-only for agents, and closed to other communes', async () => {
		const agent = await as('agent@tournai.demo');
		const page = await (await agent.get(PAGE)).text();
		expect(page).toContain('Vous consultez ce calendrier.');
		expect(page).not.toContain('Enregistrer le calendrier');
		const tournai = { organisationId: String(orgId('tournai')), year: String(Y) };
		const post = await agent.action(`${PAGE}?/save`, { ...tournai, initialVote: `${Y - 1}-12-01` });
		expect(post.status).toBe(403);
		expect(rows('tournai')).toEqual([]);

		// Charleroi's referent cannot touch Mons's calendar, nor read it
		const charleroi = await as('referent@charleroi.demo');
		const mons = { organisationId: String(orgId('mons')), year: String(Y) };
		expect(
			(await charleroi.action(`${PAGE}?/save`, { ...mons, initialVote: `${Y - 1}-11-02` })).status
		).toBe(403);
		expect((await charleroi.action(`${PAGE}?/reset`, mons)).status).toBe(403);
		expect(rows('mons')[0].initial_vote).toBe(`${Y - 1}-12-10`);
		expect((await charleroi.get(`${PAGE}?organisation=${orgId('mons')}`)).status).toBe(403);
	});

	it('is read by a centrale’s buyer, who cannot change it', async () => {
		const buyer = await as('acheteur@igretec.demo');
		const picker = await (await buyer.get(PAGE)).text();
		expect(picker).toContain('Afficher son calendrier');
		const page = await (await buyer.get(`${PAGE}?organisation=${orgId('mons')}`)).text();
		expect(page).toContain('Calendrier budgétaire — Mons');
		expect(page).toContain(`le 10 décembre ${Y - 1}`);
		expect(page).not.toContain('Enregistrer le calendrier');
		const mons = { organisationId: String(orgId('mons')), year: String(Y) };
		expect((await buyer.action(`${PAGE}?/reset`, mons)).status).toBe(403);
		expect((await buyer.get(`${PAGE}?organisation=999999`)).status).toBe(404);
	});

	it('drives the phasing timeline: the commune’s own dates when it has them, the defaults otherwise', async () => {
		const buyer = await as('acheteur@igretec.demo');
		expect((await buyer.action('/groupes/1?/phase', { to: 'phasing' })).body.type).toBe('redirect');
		expect((await buyer.action('/groupes/1/phasage?/wave', { year: String(Y) })).body.type).toBe(
			'success'
		);
		// Charleroi's demo calendar has its own dates for next year
		const charleroi = await (await as('referent@charleroi.demo')).get('/groupes/1/phasage');
		const seen = await charleroi.text();
		expect(seen).toContain('Calendrier de la commune');
		expect(seen).toContain(`Budget initial ${Y} : le 14 décembre ${Y - 1}`);
		// the buyer picks a member commune's calendar
		const mine = await (await buyer.get('/groupes/1/phasage')).text();
		expect(mine).toContain('Calendrier budgétaire affiché');
		expect(mine).toContain('Calendrier par défaut');
		const picked = await (
			await buyer.get(`/groupes/1/phasage?commune=${orgId('charleroi')}`)
		).text();
		expect(picked).toContain(`Budget initial ${Y} : le 14 décembre ${Y - 1}`);

		// back to the defaults
		const mons = await as('referent@mons.demo');
		const reset = await mons.action(`${PAGE}?/reset`, {
			organisationId: String(orgId('mons')),
			year: String(Y)
		});
		expect(reset.body.type).toBe('success');
		expect(rows('mons')).toEqual([]);
		const defaults = await (await mons.get('/groupes/1/phasage')).text();
		expect(defaults).toContain('Calendrier par défaut');
		expect(defaults).toContain(`Mons n’a pas encore indiqué ses dates pour ${Y}`);
		expect(defaults).toMatch(new RegExp(`Budget initial ${Y} : du 1\\S* novembre ${Y - 1}`));
	});

	it('is in the navigation of referents and agents, beside their purchases', async () => {
		const agent = await as('agent@tournai.demo');
		expect(await (await agent.get('/mes-marches')).text()).toContain(`href="${PAGE}"`);
		const buyer = await as('acheteur@igretec.demo');
		expect(await (await buyer.get('/')).text()).not.toContain(`href="${PAGE}"`);
	});
});
