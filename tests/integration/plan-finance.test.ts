/**
 * What the commune's finance director needs from the plan, on the real server: the budget service
 * they chose for an item (recorded by the referent, read by the fiche budgétaire, the export and
 * the buyers' aggregate).
 */
import Database from 'better-sqlite3';
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

const as = (email: string) => new Client(server.url).login(email);
const CONTRACT = 'IGR-2025-EGU-01';

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** Charleroi's intention on the contract's lot 2, and its first item (suggested: ordinaire) */
function charleroiItem() {
	return query<{
		intentionId: number;
		priceItemId: number;
		label: string;
		suggested: string;
	}>(
		`select i.id as intentionId, p.id as priceItemId, p.label, p.budget_nature as suggested
		 from purchase_intentions i
		 join organisations o on o.id = i.organisation_id
		 join contracts c on c.id = i.contract_id
		 join lots l on l.id = i.lot_id
		 join purchase_intention_items ii on ii.intention_id = i.id
		 join price_items p on p.id = ii.price_item_id
		 where o.slug = 'charleroi' and c.reference = ? and l.number = 2 and p.budget_nature = 'ordinaire'
		 order by p.id limit 1`,
		CONTRACT
	)[0];
}
const override = (intentionId: number, priceItemId: number) =>
	query<{ nature: string | null; by: string | null; at: number | null }>(
		`select nature_override as nature, u.email as by, nature_chosen_at as at
		 from purchase_intention_items ii left join users u on u.id = ii.nature_chosen_by
		 where intention_id = ? and price_item_id = ?`,
		intentionId,
		priceItemId
	)[0];

describe('the finance director’s choice of budget service', () => {
	it('is recorded by the referent, with who and when, and read by the fiche, the export and the aggregate', async () => {
		const item = charleroiItem();
		expect(item).toBeDefined();
		const referent = await as('referent@charleroi.demo');
		const buyer = await as('acheteur@igretec.demo');
		const before = await (await referent.get('/plan-achats')).text();
		expect(before).toContain('suggéré : service ordinaire');
		const csvBefore = await (await referent.get('/plan-achats/plan.csv')).text();
		const ficheBefore = await (
			await referent.get(`/plan-achats/${item.intentionId}/fiche-budgetaire`)
		).text();
		expect(ficheBefore).not.toContain('Service extraordinaire');
		const aggregateBefore = await (await buyer.get(`/gestion/marches/${CONTRACT}/plans`)).text();

		const chosen = await referent.action('/plan-achats?/nature', {
			intentionId: String(item.intentionId),
			priceItemId: String(item.priceItemId),
			nature: 'extraordinaire'
		});
		expect(chosen.body.type).toBe('redirect');
		expect(override(item.intentionId, item.priceItemId)).toEqual({
			nature: 'extraordinaire',
			by: 'referent@charleroi.demo',
			at: expect.any(Number)
		});

		const after = await (await referent.get('/plan-achats')).text();
		expect(after).toContain('Le directeur financier a choisi : <strong>service extraordinaire');
		expect(after).toMatch(/enregistré par [^<]+ le 7 décembre 2026/);
		const fiche = await (
			await referent.get(`/plan-achats/${item.intentionId}/fiche-budgetaire`)
		).text();
		expect(fiche).toContain('Service extraordinaire');
		const csvAfter = await (await referent.get('/plan-achats/plan.csv')).text();
		expect(csvAfter).not.toBe(csvBefore);
		const aggregateAfter = await (await buyer.get(`/gestion/marches/${CONTRACT}/plans`)).text();
		expect(aggregateAfter).toContain('dont service extraordinaire');
		expect(aggregateAfter).not.toBe(aggregateBefore);

		// back to the portal's suggestion: nothing of the choice remains
		const reset = await referent.action('/plan-achats?/nature', {
			intentionId: String(item.intentionId),
			priceItemId: String(item.priceItemId),
			nature: 'suggestion'
		});
		expect(reset.body.type).toBe('redirect');
		expect(override(item.intentionId, item.priceItemId)).toEqual({
			nature: null,
			by: null,
			at: null
		});
		expect(await (await referent.get('/plan-achats/plan.csv')).text()).toBe(csvBefore);
	});

	it('refuses an unknown service with a French message, and other people', async () => {
		const item = charleroiItem();
		const fields = {
			intentionId: String(item.intentionId),
			priceItemId: String(item.priceItemId)
		};
		const referent = await as('referent@charleroi.demo');
		const bad = await referent.action('/plan-achats?/nature', { ...fields, nature: 'mixte' });
		expect(bad.body.type).toBe('failure');
		expect(bad.body.data).toContain(
			'Choisissez le service ordinaire, extraordinaire ou la suggestion du portail.'
		);
		const agent = await as('agent@charleroi.demo');
		expect(
			(await agent.action('/plan-achats?/nature', { ...fields, nature: 'extraordinaire' })).status
		).toBe(403);
		// Mons' referent cannot reach Charleroi's item through its own plan
		const mons = await as('referent@mons.demo');
		const foreign = await mons.action('/plan-achats?/nature', {
			...fields,
			nature: 'extraordinaire'
		});
		expect(foreign.body.data).toContain('Ce poste n’est plus dans votre plan.');
		expect(override(item.intentionId, item.priceItemId).nature).toBeNull();
	});
});
