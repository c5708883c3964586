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

const login = (email: string) => new Client(server.url).login(email);

/** the price item ids of a lot as the order page lists them, in order */
async function itemIds(
	client: Client,
	reference: string
): Promise<{ lotId: string; items: string[] }[]> {
	const html = await (await client.get(`/catalogue/${reference}/commander`)).text();
	return html
		.split('name="lotId"')
		.slice(1)
		.map((part) => ({
			lotId: /value="(\d+)"/.exec(part)![1],
			items: [...part.split('</form>')[0].matchAll(/name="q_(\d+)"/g)].map((m) => m[1])
		}));
}

describe('interest, adhesion and orders of a commune', () => {
	it('lets a referent declare interest while it is collected, and shows it in Mes marchés', async () => {
		const referent = await login('referent@seneffe.demo');
		const res = await referent.post('/catalogue/IGR-2026-SIG-02?/interet', {
			maxQuantity: '12',
			estimatedAmount: '18 500,00',
			note: 'Géoportail et éclairage'
		});
		expect(res.status).toBe(303);
		const mine = await (await referent.get('/mes-marches')).text();
		expect(mine).toContain('Cartographie communale');
		expect(mine).toMatch(/12 au maximum, environ\s+18\s?500,00/);
		// on an active contract interest is no longer collected
		const late = await referent.action('/catalogue/IGR-2025-EGU-01?/interet', {
			maxQuantity: '1',
			estimatedAmount: '100'
		});
		expect(late.body.type).toBe('failure');
		expect(late.body.data).toContain('avant l’attribution');
	});

	it('refuses an agent who tries to adhere or order: only the referent commits the commune', async () => {
		const agent = await login('agent@charleroi.demo');
		const adhere = await agent.post('/catalogue/IDETA-2025-RH-01?/adherer', {
			decisionReference: 'COL/2026/1',
			decisionDate: '2026-11-02',
			modules: 'software',
			estimatedQuantities: ''
		});
		expect(adhere.status).toBe(403);
		expect((await agent.get('/catalogue/IGR-2025-EGU-01/commander')).status).toBe(403);
		const page = await (await agent.get('/catalogue/IDETA-2025-RH-01')).text();
		expect(page).toContain('Seul le référent de la commune peut engager la commune');
	});

	it('lets a referent adhere with the collège decision, once, then withdraw', async () => {
		const referent = await login('referent@charleroi.demo');
		const fields = {
			decisionReference: 'COL/2026/217',
			decisionDate: '2026-11-02',
			modules: ['software', 'training'],
			estimatedQuantities: '320 fiches de paie par mois'
		};
		expect((await referent.post('/catalogue/IDETA-2025-RH-01?/adherer', fields)).status).toBe(303);
		const page = await (await referent.get('/catalogue/IDETA-2025-RH-01')).text();
		expect(page).toContain('Adhérente');
		expect(page).toContain('COL/2026/217');
		const again = await referent.action('/catalogue/IDETA-2025-RH-01?/adherer', fields);
		expect(again.body.data).toContain('adhère déjà');
		expect((await referent.post('/catalogue/IDETA-2025-RH-01?/retirer', {})).status).toBe(303);
		expect(await (await referent.get('/catalogue/IDETA-2025-RH-01')).text()).not.toContain(
			'COL/2026/217'
		);
		// a planned contract is not open to adhesion
		const planned = await referent.action('/catalogue/IGR-2027-POP-01?/adherer', fields);
		expect(planned.body.data).toContain('pas encore ouvert aux adhésions');
	});

	it('places an order with totals in cents, shows the bon de commande, and hides it from another commune', async () => {
		const referent = await login('referent@charleroi.demo');
		const [lot1] = await itemIds(referent, 'IGR-2025-EGU-01');
		const res = await referent.post('/catalogue/IGR-2025-EGU-01/commander', {
			lotId: lot1.lotId,
			[`q_${lot1.items[2]}`]: '3', // paramétrage des formulaires, 780 € per day, VAT 21 %
			budgetYear: '2027',
			budgetArticle: '104/123-13'
		});
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^\/commandes\/\d+\?envoyee=1$/);
		const voucher = await (await referent.get(location)).text();
		expect(voucher).toContain('Bon de commande');
		expect(voucher).toMatch(/2\s?340,00\s€/); // 3 × 780 €
		expect(voucher).toMatch(/491,40\s€/); // VAT 21 %
		expect(voucher).toMatch(/2\s?831,40\s€/);
		const orderPath = location.split('?')[0];
		expect((await (await login('agent@charleroi.demo')).get(orderPath)).status).toBe(200);
		expect((await (await login('referent@mons.demo')).get(orderPath)).status).toBe(404);
		const bytes = Buffer.from(
			await (await referent.get('/mes-marches/commandes.csv')).arrayBuffer()
		);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
		const csv = bytes.toString('utf8');
		expect(csv).toContain('Commande;Date;Marché');
		expect(csv).toContain(';2340,00;491,40;2831,40');
	});

	it('warns at 80 % of the maximum and refuses an order past it, with the explanation', async () => {
		const referent = await login('referent@charleroi.demo');
		const [audit] = await itemIds(referent, 'IDEA-2025-CYB-02');
		// 117 700 € of 150 000 € are committed; one more audit at 7 900 € crosses 80 %
		const first = await referent.post('/catalogue/IDEA-2025-CYB-02/commander', {
			lotId: audit.lotId,
			[`q_${audit.items[0]}`]: '1',
			budgetYear: '2027',
			budgetArticle: '104/123-13'
		});
		expect(first.status).toBe(303);
		const voucher = await (await referent.get(first.headers.get('location')!)).text();
		expect(voucher).toContain('Attention : 83 % du montant maximal du marché');
		const buyer = await login('acheteur@idea.demo');
		expect(await (await buyer.get('/catalogue/IDEA-2025-CYB-02')).text()).toContain(
			'Attention : 83 %'
		);
		// four more (31 600 €) would exceed the maximum: refused, nothing stored
		const before = await (await referent.get('/mes-marches')).text();
		const refused = await referent.action('/catalogue/IDEA-2025-CYB-02/commander', {
			lotId: audit.lotId,
			[`q_${audit.items[0]}`]: '4',
			budgetYear: '2027',
			budgetArticle: '104/123-13'
		});
		expect(refused.body.status).toBe(409);
		expect(refused.body.data).toContain('dépasserait le montant maximal du marché');
		expect(refused.body.data).toContain('Coopservice');
		const after = await (await referent.get('/mes-marches')).text();
		expect(after.match(/Commandes \((\d+)\)/)![1]).toBe(before.match(/Commandes \((\d+)\)/)![1]);
	});

	it('lets the lead centrale’s buyer confirm or refuse an order, never another centrale’s', async () => {
		const referent = await login('referent@seneffe.demo');
		const mine = await (await referent.get('/mes-marches')).text();
		const orderId = /href="\/commandes\/(\d+)"/.exec(mine)![1];
		// Seneffe's submitted order is on the Province's training contract: any buyer may decide
		const other = await login('referent@mons.demo');
		expect((await other.post(`/commandes/${orderId}?/refuser`, { reason: 'x' })).status).toBe(404);
		const buyer = await login('acheteur@ideta.demo');
		const empty = await buyer.action(`/commandes/${orderId}?/refuser`, { reason: '' });
		expect(empty.body.type).toBe('failure');
		expect(
			(await buyer.post(`/commandes/${orderId}?/refuser`, { reason: 'Quantité à revoir' })).status
		).toBe(303);
		const page = await (await referent.get(`/commandes/${orderId}`)).text();
		expect(page).toContain('Refusée');
		expect(page).toContain('Quantité à revoir');
	});
});
