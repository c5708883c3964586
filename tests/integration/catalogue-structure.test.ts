import fs from 'node:fs';
import path from 'node:path';
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

const login = (email: string) => new Client(server.url).login(email);
const back = (reference: string, action: string) => `/gestion/marches/${reference}?/${action}`;

function itemId(label: string): number {
	return (
		db.sqlite.prepare('select id from price_items where label = ?').get(label) as { id: number }
	).id;
}
function lotId(reference: string, number: number): number {
	return (
		db.sqlite
			.prepare(
				'select l.id from lots l join contracts c on c.id = l.contract_id where c.reference = ? and l.number = ?'
			)
			.get(reference, number) as { id: number }
	).id;
}
function version(reference: string): number {
	return (
		db.sqlite.prepare('select version from contracts where reference = ?').get(reference) as {
			version: number;
		}
	).version;
}
const count = (sql: string, ...args: unknown[]) =>
	(db.sqlite.prepare(sql).get(...args) as { n: number }).n;

async function upload(client: Client, reference: string, title: string, bytes: Uint8Array) {
	const body = new FormData();
	body.set('title', title);
	body.set('kind', 'fiche-technique');
	body.set('isPublic', '1');
	body.set('file', new Blob([new Uint8Array(bytes)]), 'fiche.pdf');
	const res = await client.request(back(reference, 'document'), {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	expect(((await res.json()) as { type: string }).type).toBe('success');
	return db.sqlite
		.prepare(
			'select d.id, d.sha256 from contract_documents d join contracts c on c.id = d.contract_id where c.reference = ? and d.title = ?'
		)
		.get(reference, title) as { id: number; sha256: string };
}

const PRICE = {
	label: 'Abonnement guichet en ligne — commune ≥ 20 000 habitants',
	unit: 'an',
	unitPrice: '15 200,00',
	vatRate: '21',
	recurrence: 'yearly',
	budgetNature: 'ordinaire',
	suggestedArticle: '104/123-13',
	module: 'software'
};

describe('price items in the back office', () => {
	it('edits a price without touching the orders already placed, and moves the version on', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const id = itemId(PRICE.label);
		const before = version('IGR-2025-EGU-01');
		const ordered = db.sqlite
			.prepare('select unit_price_cents as cents from order_lines where price_item_id = ?')
			.all(id) as { cents: number }[];
		expect(ordered.length).toBeGreaterThan(0);
		const res = await buyer.action(back('IGR-2025-EGU-01', 'posteMaj'), {
			itemId: String(id),
			...PRICE
		});
		expect(res.body.type).toBe('success');
		expect(res.body.data).toContain('Les commandes déjà passées gardent leur prix');
		expect(version('IGR-2025-EGU-01')).toBe(before + 1);
		const page = await (await buyer.get('/catalogue/IGR-2025-EGU-01')).text();
		expect(page).toMatch(/15\s?200,00\s€/);
		const after = db.sqlite
			.prepare('select unit_price_cents as cents from order_lines where price_item_id = ?')
			.all(id) as { cents: number }[];
		expect(after).toEqual(ordered);
		expect(after.every((l) => l.cents === 1_450_000)).toBe(true);
	});

	it('refuses a bad price with a French message and changes nothing', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const id = itemId(PRICE.label);
		const res = await buyer.action(back('IGR-2025-EGU-01', 'posteMaj'), {
			itemId: String(id),
			...PRICE,
			unitPrice: 'beaucoup'
		});
		expect(res.status).toBe(400);
		expect(res.body.data).toContain('Indiquez un prix en euros');
		expect(count('select unit_price_cents as n from price_items where id = ?', id)).toBe(1_520_000);
	});

	it('refuses to delete a price item that is on an order, and suggests editing it', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const id = itemId(PRICE.label);
		const res = await buyer.action(back('IGR-2025-EGU-01', 'posteSuppr'), {
			itemId: String(id),
			confirm: '1'
		});
		expect(res.status).toBe(409);
		expect(res.body.data).toContain('figure déjà sur');
		expect(res.body.data).toContain('Modifiez-le plutôt');
		expect(count('select count(*) as n from price_items where id = ?', id)).toBe(1);
	});

	it('deletes an unordered price item only once the deletion is confirmed', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const id = itemId('Abonnement guichet en ligne — commune < 20 000 habitants');
		const unconfirmed = await buyer.action(back('IGR-2025-EGU-01', 'posteSuppr'), {
			itemId: String(id)
		});
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.body.data).toContain('Cochez la case pour confirmer la suppression');
		expect(count('select count(*) as n from price_items where id = ?', id)).toBe(1);
		// without JavaScript: a plain form post, answered with the page and its message
		const res = await buyer.post(back('IGR-2025-EGU-01', 'posteSuppr'), {
			itemId: String(id),
			confirm: '1'
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('supprimé du bordereau');
		expect(count('select count(*) as n from price_items where id = ?', id)).toBe(0);
		expect(
			count(
				"select count(*) as n from audit_log where action = 'priceItem.delete' and details like ?",
				`%"priceItemId":${id}%`
			)
		).toBe(1);
	});

	it('lets only the contract’s buyers edit or delete its items', async () => {
		const other = await login('acheteur@idea.demo');
		const id = itemId('Paramétrage des formulaires');
		const res = await other.post(back('IGR-2025-EGU-01', 'posteMaj'), {
			itemId: String(id),
			...PRICE
		});
		expect(res.status).toBe(403);
		const referent = await login('referent@charleroi.demo');
		const del = await referent.post(back('IGR-2025-EGU-01', 'posteSuppr'), {
			itemId: String(id),
			confirm: '1'
		});
		expect(del.status).toBe(403);
		// an item of another contract is not found through this one
		const foreign = await (
			await login('acheteur@igretec.demo')
		).action(back('IGR-2025-AFF-03', 'posteSuppr'), { itemId: String(id), confirm: '1' });
		expect(foreign.body.data).toContain('introuvable');
		expect(count('select count(*) as n from price_items where id = ?', id)).toBe(1);
	});
});

describe('lots in the back office', () => {
	it('refuses to delete a lot with orders, or a lot of a contract communes adhered to', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const ordered = await buyer.action(back('IGR-2025-EGU-01', 'lotSuppr'), {
			lotId: String(lotId('IGR-2025-EGU-01', 1)),
			confirm: '1'
		});
		expect(ordered.status).toBe(409);
		expect(ordered.body.data).toMatch(/Ce lot a déjà \d+ commandes/);
		const adhered = await buyer.action(back('IGR-2025-EGU-01', 'lotSuppr'), {
			lotId: String(lotId('IGR-2025-EGU-01', 2)),
			confirm: '1'
		});
		expect(adhered.status).toBe(409);
		expect(adhered.body.data).toContain('ont adhéré à ce marché');
		expect(
			count(
				"select count(*) as n from lots l join contracts c on c.id = l.contract_id where c.reference = 'IGR-2025-EGU-01'"
			)
		).toBe(2);
	});

	it('deletes a lot without orders nor adhesions, with its price items', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const lot = lotId('IGR-2026-SMC-01', 1);
		const added = await buyer.action(back('IGR-2026-SMC-01', 'poste'), {
			lotId: String(lot),
			...PRICE,
			label: 'Capteur de qualité de l’air'
		});
		expect(added.body.data).toContain('ajouté au bordereau');
		expect(count('select count(*) as n from price_items where lot_id = ?', lot)).toBe(1);
		const before = version('IGR-2026-SMC-01');
		const res = await buyer.action(back('IGR-2026-SMC-01', 'lotSuppr'), {
			lotId: String(lot),
			confirm: '1'
		});
		expect(res.body.type).toBe('success');
		expect(res.body.data).toContain('supprimé, avec ses postes');
		expect(count('select count(*) as n from lots where id = ?', lot)).toBe(0);
		expect(count('select count(*) as n from price_items where lot_id = ?', lot)).toBe(0);
		expect(version('IGR-2026-SMC-01')).toBe(before + 1);
	});
});

describe('documents in the back office', () => {
	const filesDir = () => path.join(server.dataDir, 'files');

	it('keeps a file another document still names, and removes it with the last one', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const bytes = new TextEncoder().encode('%PDF-1.4\n% fiche partagée\n%%EOF\n');
		const first = await upload(buyer, 'IGR-2025-AFF-03', 'Fiche partagée A', bytes);
		const second = await upload(buyer, 'IGR-2024-FIN-01', 'Fiche partagée B', bytes);
		expect(first.sha256).toBe(second.sha256);
		const file = path.join(filesDir(), first.sha256);
		expect(fs.existsSync(file)).toBe(true);

		const unconfirmed = await buyer.action(back('IGR-2025-AFF-03', 'documentSuppr'), {
			documentId: String(first.id)
		});
		expect(unconfirmed.status).toBe(400);
		expect(count('select count(*) as n from contract_documents where id = ?', first.id)).toBe(1);

		const res = await buyer.action(back('IGR-2025-AFF-03', 'documentSuppr'), {
			documentId: String(first.id),
			confirm: '1'
		});
		expect(res.body.type).toBe('success');
		expect(res.body.data).toContain('Document « Fiche partagée A » supprimé');
		expect(fs.existsSync(file)).toBe(true);
		expect(
			(await fetch(`${server.url}/catalogue/IGR-2025-AFF-03/documents/${first.id}`)).status
		).toBe(404);
		const kept = await fetch(`${server.url}/catalogue/IGR-2024-FIN-01/documents/${second.id}`);
		expect(kept.status).toBe(200);
		expect(new Uint8Array(await kept.arrayBuffer())).toEqual(bytes);

		const last = await buyer.action(back('IGR-2024-FIN-01', 'documentSuppr'), {
			documentId: String(second.id),
			confirm: '1'
		});
		expect(last.body.type).toBe('success');
		expect(fs.existsSync(file)).toBe(false);
	});

	it('switches a document between public and members-only', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const doc = await upload(
			buyer,
			'IGR-2025-AFF-03',
			'Fiche des bornes',
			new TextEncoder().encode('%PDF-1.4\n% bornes\n%%EOF\n')
		);
		const url = `${server.url}/catalogue/IGR-2025-AFF-03/documents/${doc.id}`;
		expect((await fetch(url)).status).toBe(200);
		const before = version('IGR-2025-AFF-03');
		const hide = await buyer.action(back('IGR-2025-AFF-03', 'documentVisibilite'), {
			documentId: String(doc.id),
			isPublic: '0'
		});
		expect(hide.body.data).toContain('réservé aux membres');
		expect(version('IGR-2025-AFF-03')).toBe(before + 1);
		expect((await fetch(url)).status).toBe(404);
		const member = await login('referent@charleroi.demo');
		expect((await member.get(`/catalogue/IGR-2025-AFF-03/documents/${doc.id}`)).status).toBe(200);
		const show = await buyer.action(back('IGR-2025-AFF-03', 'documentVisibilite'), {
			documentId: String(doc.id),
			isPublic: '1'
		});
		expect(show.body.data).toContain('public, visible par tous');
		expect((await fetch(url)).status).toBe(200);
		const other = await login('acheteur@idea.demo');
		const refused = await other.post(back('IGR-2025-AFF-03', 'documentVisibilite'), {
			documentId: String(doc.id),
			isPublic: '0'
		});
		expect(refused.status).toBe(403);
	});
});

describe('prices still to fix (« prix à fixer »)', () => {
	it('refuses to order an item without a price, with a clear message', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const id = itemId('Formation des agents (groupe de 10)');
		const cleared = await buyer.action(back('IGR-2025-EGU-01', 'posteMaj'), {
			itemId: String(id),
			label: 'Formation des agents (groupe de 10)',
			unit: 'jour',
			unitPrice: '',
			vatRate: '21',
			recurrence: 'one_off',
			budgetNature: 'ordinaire',
			module: 'training'
		});
		expect(cleared.body.type).toBe('success');
		expect(
			count('select count(*) as n from price_items where id = ? and unit_price_cents is null', id)
		).toBe(1);

		const referent = await login('referent@charleroi.demo');
		const form = await (await referent.get('/catalogue/IGR-2025-EGU-01/commander')).text();
		expect(form).toContain('Prix à fixer');
		expect(form).not.toContain(`name="q_${id}"`);
		const res = await referent.action('/catalogue/IGR-2025-EGU-01/commander', {
			lotId: String(lotId('IGR-2025-EGU-01', 2)),
			[`q_${id}`]: '2',
			budgetYear: '2027',
			budgetArticle: '104/123-13'
		});
		expect(res.body.type).toBe('failure');
		expect(res.body.data).toContain(
			'Le poste « Formation des agents (groupe de 10) » n’a pas encore de prix (prix à fixer) : il ne peut pas être commandé.'
		);
		expect(
			count(
				"select count(*) as n from order_lines where label = 'Formation des agents (groupe de 10)'"
			)
		).toBe(0);
	});

	it('relaunches with the old prices as references only, and activates only once priced', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const relaunch = await buyer.post(back('IGR-2025-EQU-04', 'relancer'), {});
		expect(relaunch.status).toBe(303);
		const reference = 'IGR-2025-EQU-04-R';
		const copied = db.sqlite
			.prepare(
				`select p.id, p.label, p.unit_price_cents as price, p.reference_unit_price_cents as ref
				 from price_items p join lots l on l.id = p.lot_id join contracts c on c.id = l.contract_id
				 where c.reference = ? order by p.id`
			)
			.all(reference) as { id: number; label: string; price: number | null; ref: number | null }[];
		const original = db.sqlite
			.prepare(
				`select p.unit_price_cents as price from price_items p join lots l on l.id = p.lot_id
				 join contracts c on c.id = l.contract_id where c.reference = 'IGR-2025-EQU-04' order by p.id`
			)
			.all() as { price: number }[];
		expect(copied.length).toBe(original.length);
		expect(copied.every((item) => item.price === null)).toBe(true);
		expect(copied.map((item) => item.ref)).toEqual(original.map((item) => item.price));

		// the buyer sees each reference, marked as such
		const page = await (await buyer.get(`/gestion/marches/${reference}`)).text();
		expect(page).toContain('Prix à fixer');
		expect(page).toContain('Prix de référence du marché précédent');
		const member = await login('referent@charleroi.demo');
		const contractPage = await (await member.get(`/catalogue/${reference}`)).text();
		expect(contractPage).toContain('Prix à fixer');
		expect(contractPage).toMatch(/Prix de référence du marché précédent : [\d\s\u202f]+,\d\d\s€/);
		expect(contractPage).toContain('(à titre indicatif)');

		// award every lot, then try to activate: refused while a price is missing
		const supplier = (
			db.sqlite.prepare('select id from suppliers order by id').get() as { id: number }
		).id;
		const lots = db.sqlite
			.prepare(
				'select l.id from lots l join contracts c on c.id = l.contract_id where c.reference = ?'
			)
			.all(reference) as { id: number }[];
		db.sqlite
			.prepare(
				`update contracts set status = 'awarded', award_date = '2026-01-01', start_date = '2026-01-01',
				 end_date = '2029-12-31' where reference = ?`
			)
			.run(reference);
		for (const lot of lots)
			expect(
				(
					await buyer.action(back(reference, 'lotMaj'), {
						lotId: String(lot.id),
						supplierId: String(supplier),
						endDate: ''
					})
				).body.type
			).toBe('success');
		const refused = await buyer.action(back(reference, 'statut'), { to: 'active' });
		expect(refused.body.type).toBe('failure');
		expect(refused.body.data).toContain('pas encore de prix : fixez les prix attribués');
		for (const item of copied)
			await buyer.action(back(reference, 'posteMaj'), {
				itemId: String(item.id),
				label: item.label,
				unit: 'pièce',
				unitPrice: '99,00',
				vatRate: '21',
				recurrence: 'one_off',
				budgetNature: 'extraordinaire'
			});
		const activated = await buyer.post(back(reference, 'statut'), { to: 'active' });
		expect(activated.status).toBe(303);
	});
});

describe('quantities with two decimals', () => {
	it('orders 2,5 days and prices them exactly', async () => {
		const referent = await login('referent@charleroi.demo');
		const id = itemId('Paramétrage des formulaires');
		const bad = await referent.action('/catalogue/IGR-2025-EGU-01/commander', {
			lotId: String(lotId('IGR-2025-EGU-01', 1)),
			[`q_${id}`]: '2,555',
			budgetYear: '2027',
			budgetArticle: '104/123-13'
		});
		expect(bad.status).toBe(400);
		expect(bad.body.data).toContain('La quantité a au plus deux décimales, par exemple 2,5.');
		const res = await referent.post('/catalogue/IGR-2025-EGU-01/commander', {
			lotId: String(lotId('IGR-2025-EGU-01', 1)),
			[`q_${id}`]: '2,5',
			budgetYear: '2027',
			budgetArticle: '104/123-13'
		});
		expect(res.status).toBe(303);
		const voucher = await (await referent.get(res.headers.get('location')!)).text();
		expect(voucher).toContain('2,5 jour');
		expect(voucher).toMatch(/1\s?950,00\s€/); // 2,5 × 780 €
		expect(voucher).toMatch(/2\s?359,50\s€/); // with VAT 21 %
		const orderId = Number(/\/commandes\/(\d+)/.exec(res.headers.get('location')!)![1]);
		expect(
			count('select quantity_hundredths as n from order_lines where order_id = ?', orderId)
		).toBe(250);
	});

	it('declares interest for 12,5 units, and refuses a negative or over-precise quantity', async () => {
		const referent = await login('referent@seneffe.demo');
		for (const [typed, message] of [
			['-1', 'La quantité ne peut pas être négative.'],
			['2,555', 'au plus deux décimales'],
			['0', 'plus grande que 0']
		])
			expect(
				(
					await referent.action('/catalogue/IGR-2026-SIG-02?/interet', {
						maxQuantity: typed,
						estimatedAmount: '1 000'
					})
				).body.data
			).toContain(message);
		const res = await referent.post('/catalogue/IGR-2026-SIG-02?/interet', {
			maxQuantity: '12.5',
			estimatedAmount: '18 500,00'
		});
		expect(res.status).toBe(303);
		expect(await (await referent.get('/mes-marches')).text()).toContain('12,5 au maximum');
		const buyer = await login('acheteur@igretec.demo');
		expect(await (await buyer.get('/gestion/marches/IGR-2026-SIG-02')).text()).toContain(
			'12,5 au maximum'
		);
	});
});
