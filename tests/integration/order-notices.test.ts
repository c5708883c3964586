/**
 * An order tells people: the buyers who may decide it when a commune places it, the commune's
 * people who placed it and its referents when a buyer confirms or refuses it; in the portal and
 * by mail (through the outbox, over a real SMTP server), with links to the public address. The
 * bon de commande shows its history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { linkIn, startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

let smtp: SmtpCatcher;
let server: TestServer;

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	server = await startServer({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

const login = (email: string) => new Client(server.url).login(email);

/** places an order of `quantity` of the first price item of the first lot, returns its id */
async function placeOrder(referent: Client, reference: string, quantity: string) {
	const html = await (await referent.get(`/catalogue/${reference}/commander`)).text();
	const lotId = /name="lotId" value="(\d+)"/.exec(html)![1];
	const itemId = /name="q_(\d+)"/.exec(html)![1];
	const res = await referent.post(`/catalogue/${reference}/commander`, {
		lotId,
		[`q_${itemId}`]: quantity,
		budgetYear: '2027',
		budgetArticle: '104/123-13'
	});
	expect(res.status).toBe(303);
	return Number(/^\/commandes\/(\d+)/.exec(res.headers.get('location')!)![1]);
}

const mailsTo = (email: string, subject: RegExp) =>
	smtp.mails.filter((m) => m.to.includes(email) && subject.test(m.subject));

describe('an order tells people', () => {
	it('tells the lead centrale’s buyers when a commune places it, and the commune when it is confirmed', async () => {
		const referent = await login('referent@charleroi.demo');
		const orderId = await placeOrder(referent, 'IGR-2025-EGU-01', '2');

		const placed = await smtp.waitFor(
			'acheteur@igretec.demo',
			new RegExp(`commande n° ${orderId}`)
		);
		expect(placed.subject).toContain('Charleroi');
		expect(placed.text).toContain('Karim Benali');
		expect(linkIn(placed, '/commandes/')).toBe(`${server.url}/commandes/${orderId}`);
		const buyer = await login('acheteur@igretec.demo');
		const inbox = await (await buyer.get('/notifications')).text();
		expect(inbox).toContain(`href="/commandes/${orderId}"`);
		// another intercommunale's buyer may not decide it, and is not told
		expect(mailsTo('acheteur@idea.demo', new RegExp(`n° ${orderId} `))).toEqual([]);

		expect((await buyer.post(`/commandes/${orderId}?/confirmer`, {})).status).toBe(303);
		const confirmed = await smtp.waitFor(
			'referent@charleroi.demo',
			new RegExp(`Commande n° ${orderId} confirmée`)
		);
		expect(linkIn(confirmed, '/commandes/')).toBe(`${server.url}/commandes/${orderId}`);
		const referentInbox = await (await referent.get('/notifications')).text();
		expect(referentInbox).toContain(`Commande n° ${orderId} confirmée`);
		// the commune's agents read the order but neither placed nor commit it: not told
		expect(mailsTo('agent@charleroi.demo', /Commande/)).toEqual([]);

		const page = await (await referent.get(`/commandes/${orderId}`)).text();
		const history = page.slice(page.indexOf('Historique de la commande'));
		expect(history).toMatch(/Commande envoyée[\s\S]*par Karim Benali \(Charleroi\)/);
		expect(history).toMatch(
			/Commande confirmée par la centrale[\s\S]*par Isabelle Gérard \(IGRETEC/
		);
	});

	it('tells the commune why when a buyer refuses it', async () => {
		const referent = await login('referent@mons.demo');
		const orderId = await placeOrder(referent, 'IGR-2025-EGU-01', '1');
		await smtp.waitFor('acheteur@igretec.demo', new RegExp(`commande n° ${orderId} `));
		const buyer = await login('acheteur@igretec.demo');
		const refusal = await buyer.post(`/commandes/${orderId}?/refuser`, {
			reason: 'Le lot 1 ne couvre pas ce module'
		});
		expect(refusal.status).toBe(303);
		const refused = await smtp.waitFor(
			'referent@mons.demo',
			new RegExp(`Commande n° ${orderId} refusée`)
		);
		expect(refused.text).toContain('Motif du refus : Le lot 1 ne couvre pas ce module');
		const page = await (await referent.get(`/commandes/${orderId}`)).text();
		expect(page).toMatch(/Commande refusée par la centrale[\s\S]*Motif : Le lot 1 ne couvre pas/);
	});

	it('shows the history of orders placed before it was recorded', async () => {
		// an order of the demo data, stored before order_events existed
		const referent = await login('referent@seneffe.demo');
		const mine = await (await referent.get('/mes-marches')).text();
		const orderId = /href="\/commandes\/(\d+)"/.exec(mine)![1];
		const page = await (await referent.get(`/commandes/${orderId}`)).text();
		expect(page).toContain('Historique de la commande');
		expect(page).toMatch(/Commande envoyée[\s\S]*par Nathalie Hubert/);
	});
});
