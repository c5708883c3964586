/**
 * The buyer's option « Refuser les commandes sans délibération d'adhésion enregistrée »: once
 * set on a contract, an order from a commune without its council's adhesion to the centrale on
 * file is refused with a clear message and nothing is stored; recording the deliberation lets it
 * through. Only the contract's buyers set it.
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

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}
const REF = 'IGR-2025-EGU-01';
const orderCount = () =>
	query<{ n: number }>(
		`select count(*) as n from orders o join organisations g on g.id = o.organisation_id
		 where g.slug = 'charleroi'`
	)[0].n;

async function orderFields(client: Client) {
	const html = await (await client.get(`/catalogue/${REF}/commander`)).text();
	const part = html.split('name="lotId"')[1];
	const lotId = /value="(\d+)"/.exec(part)![1];
	const items = [...part.split('</form>')[0].matchAll(/name="q_(\d+)"/g)].map((m) => m[1]);
	return { lotId, [`q_${items[2]}`]: '1', budgetYear: '2027', budgetArticle: '104/123-13' };
}

describe('refusing orders without the adhesion deliberation on file', () => {
	it('is set by the contract’s buyers only, and enforced on orders until the deliberation is recorded', async () => {
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		expect(
			(
				await referent.post(`/gestion/marches/${REF}?/regle-commandes`, {
					requireMembershipDecision: '1'
				})
			).status
		).toBe(403);
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const set = await buyer.post(`/gestion/marches/${REF}?/regle-commandes`, {
			requireMembershipDecision: '1'
		});
		expect(set.status).toBe(303);
		expect(
			query<{ r: number }>(
				'select require_membership_decision as r from contracts where reference = ?',
				REF
			)[0].r
		).toBe(1);
		const page = await (await buyer.get(`/gestion/marches/${REF}?regle=1`)).text();
		expect(page).toContain('Règle de commande enregistrée.');

		const before = orderCount();
		const fields = await orderFields(referent);
		const refused = await referent.action(`/catalogue/${REF}/commander`, fields);
		expect(refused.body.type).toBe('failure');
		expect(refused.body.data).toContain(
			'délibération du conseil portant adhésion à la centrale enregistrée'
		);
		expect(orderCount()).toBe(before);

		// the referent records the council's adhesion to IGRETEC in the plan, then orders
		const [{ id }] = query<{ id: number }>(
			`select i.id from purchase_intentions i join organisations o on o.id = i.organisation_id
			 join contracts c on c.id = i.contract_id
			 where o.slug = 'charleroi' and c.centrale_id = (select centrale_id from contracts where reference = ?)`,
			REF
		);
		const recorded = await referent.action('/plan-achats?/decision', {
			intentionId: String(id),
			kind: 'centraleMembership',
			decidedOn: '2026-11-30',
			reference: 'CC/2026/112'
		});
		expect(recorded.body.type).toBe('redirect');
		const accepted = await referent.action(`/catalogue/${REF}/commander`, fields);
		expect(accepted.body.type).toBe('redirect');
		expect(orderCount()).toBe(before + 1);

		// the option off again: no deliberation needed
		await buyer.post(`/gestion/marches/${REF}?/regle-commandes`, {});
		expect(
			query<{ r: number }>(
				'select require_membership_decision as r from contracts where reference = ?',
				REF
			)[0].r
		).toBe(0);
	});
});
