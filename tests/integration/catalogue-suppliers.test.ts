import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
let db: FixtureDb;
beforeAll(async () => {
	server = await startServer();
	db = new FixtureDb(server.dataDir);
});
afterAll(async () => {
	db?.close();
	await server?.stop();
});

type Supplier = { id: number; name: string; vat: string; reference: string };
/** an adjudicataire holding a lot of a published contract, and another one */
function suppliers(): [Supplier, Supplier] {
	const rows = db.sqlite
		.prepare(
			`select s.id, s.name, s.vat_number as vat, min(c.reference) as reference from suppliers s
			 join lots l on l.supplier_id = s.id join contracts c on c.id = l.contract_id
			 where c.status in ('active', 'expiring') group by s.id order by s.id limit 2`
		)
		.all() as Supplier[];
	return [rows[0], rows[1]];
}
const row = (id: number) =>
	db.sqlite.prepare('select name, vat_number as vat from suppliers where id = ?').get(id) as {
		name: string;
		vat: string;
	};

describe('buyers correct an adjudicataire', () => {
	it('renames it: its contracts are found by the new name, and the journal says who', async () => {
		const [supplier] = suppliers();
		const buyer = await new Client(server.url).login('acheteur@idea.demo');
		expect(await (await buyer.get('/gestion/adjudicataires')).text()).toContain(supplier.reference);
		const res = await buyer.action('/gestion/adjudicataires?/corriger', {
			supplierId: String(supplier.id),
			name: 'Zéphyrin Solutions (fictif)',
			vatNumber: supplier.vat
		});
		expect(res.body.type).toBe('success');
		expect(row(supplier.id).name).toBe('Zéphyrin Solutions (fictif)');
		const found = await (await fetch(`${server.url}/catalogue?q=zephyrin`)).text();
		expect(found).toContain(supplier.reference);
		const logged = db.sqlite
			.prepare(
				"select count(*) as n from audit_log where action = 'supplier.update' and subject_id = ?"
			)
			.get(String(supplier.id)) as { n: number };
		expect(logged.n).toBe(1);
	});

	it('refuses an invalid or already used VAT number, and changes nothing', async () => {
		const [supplier, other] = suppliers();
		const before = row(supplier.id);
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		for (const [vatNumber, message] of [
			['BE0123.456.780', 'Numéro de TVA invalide'],
			[other.vat, 'Un autre adjudicataire a déjà ce numéro de TVA']
		]) {
			const res = await buyer.action('/gestion/adjudicataires?/corriger', {
				supplierId: String(supplier.id),
				name: 'Autre nom',
				vatNumber
			});
			expect(res.status).toBe(409);
			expect(JSON.stringify(res.body)).toContain(message);
		}
		expect(row(supplier.id)).toEqual(before);
	});

	it('is for buyers and admins only', async () => {
		const [supplier] = suppliers();
		const before = row(supplier.id);
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		expect((await referent.get('/gestion/adjudicataires')).status).toBe(403);
		const res = await referent.action('/gestion/adjudicataires?/corriger', {
			supplierId: String(supplier.id),
			name: 'Pirate',
			vatNumber: supplier.vat
		});
		expect(res.status).toBe(403);
		expect(row(supplier.id)).toEqual(before);
	});
});
