/**
 * Rencontres against the real server: publishing, registering within the capacity (also when
 * registrations arrive at once), the .ics files, and minutes attached after the event with the
 * contract documents' checks. Event pages name organisations, never people's addresses.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const nextYear = new Date().getUTCFullYear() + 1;

async function publish(client: Client, fields: Record<string, string> = {}) {
	const res = await client.action('/rencontres/nouvelle', {
		title: 'Démonstration du guichet',
		topic: 'Présentation',
		date: `${nextYear}-03-15`,
		time: '14:00',
		durationMinutes: '120',
		place: 'Mons, salle du conseil',
		videoUrl: 'https://visio.example.be/demo',
		capacity: '5',
		...fields
	});
	return res;
}

const idFrom = (location: string | undefined) => Number(location!.split('/').pop());

/** a form POST as a browser sends a file */
async function upload(client: Client, path: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
	const body = new FormData();
	body.set('title', 'Compte rendu');
	body.set('file', new File([bytes], name));
	const res = await client.request(path, {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	const json = (await res.json()) as { type: string; status?: number; data?: string };
	return { status: json.status ?? res.status, data: json.data ?? '' };
}

describe('rencontres', () => {
	it('are published by buyers and referents only, with a date to come and a place', async () => {
		const agent = await new Client(server.url).login('agent@tournai.demo');
		expect((await agent.get('/rencontres/nouvelle')).status).toBe(403);
		expect((await publish(agent)).status).toBe(403);

		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const past = await publish(buyer, { date: '2020-01-01' });
		expect(past.status).toBe(400);
		expect(past.body.data).toContain('date à venir');
		const nowhere = await publish(buyer, { place: '', videoUrl: '' });
		expect(nowhere.status).toBe(400);
		expect(nowhere.body.data).toContain('lieu ou un lien');
		const ok = await publish(buyer);
		expect(ok.body.type).toBe('redirect');

		const page = await (await new Client(server.url).get(ok.body.location!)).text();
		expect(page).toContain('Démonstration du guichet');
		// the video link is for signed-in members only
		expect(page).not.toContain('visio.example.be');
		expect(await (await buyer.get(ok.body.location!)).text()).toContain('visio.example.be');
	});

	it('never let registrations exceed the capacity, even all at once', async () => {
		const buyer = await new Client(server.url).login('acheteur@idea.demo');
		const id = idFrom((await publish(buyer, { capacity: '5' })).body.location);
		const people = [
			'agent@tournai.demo',
			'referent@mons.demo',
			'agent@charleroi.demo',
			'referent@seneffe.demo'
		];
		const clients = await Promise.all(people.map((p) => new Client(server.url).login(p)));
		const results = await Promise.all(
			clients.map((c) => c.action(`/rencontres/${id}?/register`, { participants: '2' }))
		);
		expect(results.filter((r) => r.status === 200)).toHaveLength(2);
		const refused = results.filter((r) => r.status === 409);
		expect(refused).toHaveLength(2);
		expect(refused[0].body.data).toMatch(/Il ne reste que 1 place|complète/);

		const db = new FixtureDb(server.dataDir);
		const taken = db.sqlite
			.prepare('select sum(participants) as n from peer_event_registrations where event_id = ?')
			.get(id) as { n: number };
		db.close();
		expect(taken.n).toBe(4);

		// a buyer registers no commune; the page lists organisations, not people
		expect((await buyer.action(`/rencontres/${id}?/register`, { participants: '1' })).status).toBe(
			403
		);
		const page = await (await new Client(server.url).get(`/rencontres/${id}`)).text();
		expect(page).toContain('Organisations inscrites (2)');
		expect(page).not.toMatch(/@[a-z]+\.demo/);
	});

	it('let a commune change its number within the places left', async () => {
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		const id = idFrom((await publish(referent, { capacity: '3' })).body.location);
		const agent = await new Client(server.url).login('agent@charleroi.demo');
		expect((await agent.action(`/rencontres/${id}?/register`, { participants: '2' })).status).toBe(
			200
		);
		expect((await agent.action(`/rencontres/${id}?/register`, { participants: '3' })).status).toBe(
			200
		);
		const tooMany = await agent.action(`/rencontres/${id}?/register`, { participants: '4' });
		expect(tooMany.status).toBe(409);
		const zero = await agent.action(`/rencontres/${id}?/register`, { participants: '0' });
		expect(zero.status).toBe(400);
	});

	it('give an .ics invitation and a combined agenda without the video link', async () => {
		const agenda = await new Client(server.url).get('/rencontres/agenda.ics');
		expect(agenda.headers.get('content-type')).toContain('text/calendar');
		const text = await agenda.text();
		expect(text).toContain('BEGIN:VCALENDAR');
		expect(text).toContain('Club des utilisateurs du guichet citoyen');
		expect(text).not.toContain('visio.example.be');
		const db = new FixtureDb(server.dataDir);
		const { id } = db.sqlite.prepare('select min(id) as id from peer_events').get() as {
			id: number;
		};
		db.close();
		const invitation = await (
			await new Client(server.url).get(`/rencontres/${id}/invitation.ics`)
		).text();
		expect(invitation).toContain(`UID:rencontre-${id}@centrale`);
		expect(invitation).toContain(`URL:${server.url}/rencontres/${id}`);
	});

	it('take minutes from the organiser once started, with the upload checks', async () => {
		const buyer = await new Client(server.url).login('acheteur@ideta.demo');
		const id = idFrom((await publish(buyer)).body.location);
		const pdf = new TextEncoder().encode('%PDF-1.4\n% compte rendu\n%%EOF\n');
		const early = await upload(buyer, `/rencontres/${id}?/attach`, 'cr.pdf', pdf);
		expect(early.status).toBe(400);
		expect(early.data).toContain('une fois la rencontre commencée');

		// the rencontre took place
		const db = new FixtureDb(server.dataDir);
		db.sqlite
			.prepare('update peer_events set starts_at = ?, ends_at = ? where id = ?')
			.run(Date.now() - 7_200_000, Date.now() - 3_600_000, id);
		db.close();

		const agent = await new Client(server.url).login('agent@tournai.demo');
		expect((await upload(agent, `/rencontres/${id}?/attach`, 'cr.pdf', pdf)).status).toBe(403);
		const disguised = new TextEncoder().encode('MZ\x90\x00 not a pdf');
		const bad = await upload(buyer, `/rencontres/${id}?/attach`, 'cr.pdf', disguised);
		expect(bad.status).toBe(400);
		expect((await upload(buyer, `/rencontres/${id}?/attach`, 'cr.pdf', pdf)).status).toBe(200);

		const page = await (await agent.get(`/rencontres/${id}`)).text();
		const link = /href="(\/rencontres\/\d+\/documents\/\d+)"/.exec(page)![1];
		const file = await agent.get(link);
		expect(file.status).toBe(200);
		expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
		// visitors do not get the minutes
		expect((await new Client(server.url).get(link)).status).toBe(404);
		// registration is closed once the rencontre has started
		const late = await agent.action(`/rencontres/${id}?/register`, { participants: '1' });
		expect(late.status).toBe(400);
	});
});

/** notices of one kind about one rencontre, per recipient's address */
function notices(dataDir: string, kind: string, id: number) {
	const db = new FixtureDb(dataDir);
	const rows = db.sqlite
		.prepare(
			`select u.email, n.title from notifications n join users u on u.id = n.user_id
			 where n.kind = ? and n.link = ? order by u.email`
		)
		.all(kind, `/rencontres/${id}`) as { email: string; title: string }[];
	db.close();
	return rows;
}

function eventRow(dataDir: string, id: number) {
	const db = new FixtureDb(dataDir);
	const row = db.sqlite
		.prepare('select title, capacity, place, sequence, cancelled_at from peer_events where id = ?')
		.get(id) as {
		title: string;
		capacity: number;
		place: string;
		sequence: number;
		cancelled_at: number | null;
	};
	db.close();
	return row;
}

describe('an organiser changing a rencontre', () => {
	const edit = (client: Client, id: number, fields: Record<string, string> = {}) =>
		client.action(`/rencontres/${id}/modifier`, {
			title: 'Démonstration du guichet',
			topic: 'Présentation',
			date: `${nextYear}-03-15`,
			time: '14:00',
			durationMinutes: '120',
			place: 'Mons, salle du conseil',
			videoUrl: 'https://visio.example.be/demo',
			capacity: '5',
			...fields
		});

	it('is for the organiser only, keeps the places taken and saves nothing half-way', async () => {
		const buyer = await new Client(server.url).login('acheteur@idea.demo');
		const id = idFrom((await publish(buyer, { capacity: '10' })).body.location);
		const form = await (await buyer.get(`/rencontres/${id}/modifier`)).text();
		expect(form).toContain('value="Démonstration du guichet"');
		expect(form).toContain('value="14:00"');

		for (const who of ['agent@tournai.demo', 'acheteur@igretec.demo']) {
			const other = await new Client(server.url).login(who);
			expect((await other.get(`/rencontres/${id}/modifier`)).status).toBe(403);
			expect((await edit(other, id, { title: 'Détourné' })).status).toBe(403);
			expect((await other.action(`/rencontres/${id}?/cancel`, { confirmed: '1' })).status).toBe(
				403
			);
		}

		for (const who of ['agent@charleroi.demo', 'referent@mons.demo']) {
			const c = await new Client(server.url).login(who);
			expect((await c.action(`/rencontres/${id}?/register`, { participants: '3' })).status).toBe(
				200
			);
		}
		const tooSmall = await edit(buyer, id, { title: 'Nouveau titre', capacity: '4' });
		expect(tooSmall.status).toBe(409);
		expect(tooSmall.body.data).toContain('6 places sont déjà prises : ');
		// what was typed comes back
		expect(tooSmall.body.data).toContain('Nouveau titre');
		const past = await edit(buyer, id, { title: 'Nouveau titre', date: '2020-01-01' });
		expect(past.status).toBe(400);
		expect(past.body.data).toContain('date à venir');
		expect(eventRow(server.dataDir, id)).toMatchObject({
			title: 'Démonstration du guichet',
			capacity: 10,
			sequence: 0
		});

		expect((await edit(buyer, id, { capacity: '6' })).body.type).toBe('redirect');
		expect(eventRow(server.dataDir, id)).toMatchObject({ capacity: 6, sequence: 1 });
	});

	it('tells each person who registered participants once when the date or place moves', async () => {
		const buyer = await new Client(server.url).login('acheteur@idea.demo');
		const id = idFrom((await publish(buyer, { capacity: '10' })).body.location);
		for (const who of ['agent@charleroi.demo', 'referent@mons.demo']) {
			const c = await new Client(server.url).login(who);
			await c.action(`/rencontres/${id}?/register`, { participants: '1' });
		}
		// a new title alone is not worth a notice
		expect((await edit(buyer, id, { title: 'Démonstration du guichet (v2)' })).body.type).toBe(
			'redirect'
		);
		expect(notices(server.dataDir, 'reminder.event-changed', id)).toEqual([]);

		const moved = await edit(buyer, id, {
			title: 'Démonstration du guichet (v2)',
			date: `${nextYear}-03-22`,
			place: 'Namur, Espace Wallonie'
		});
		expect(moved.body.location).toBe(`/rencontres/${id}?modifiee=2`);
		expect(await (await buyer.get(moved.body.location!)).text()).toContain(
			'2 personnes inscrites prévenues.'
		);
		const told = notices(server.dataDir, 'reminder.event-changed', id);
		expect(told.map((n) => n.email)).toEqual(['agent@charleroi.demo', 'referent@mons.demo']);
		expect(told[0].title).toContain(`le 22 mars ${nextYear} à 14:00`);
		expect(eventRow(server.dataDir, id)).toMatchObject({
			place: 'Namur, Espace Wallonie',
			sequence: 2
		});
		const invitation = await (await buyer.get(`/rencontres/${id}/invitation.ics`)).text();
		const vevent = new ICAL.Component(ICAL.parse(invitation)).getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
	});

	it('cancels it on a ticked box: registrations close, the registered are told, calendars drop it', async () => {
		const buyer = await new Client(server.url).login('acheteur@idea.demo');
		const id = idFrom(
			(await publish(buyer, { title: 'Club à annuler', capacity: '10' })).body.location
		);
		const agent = await new Client(server.url).login('agent@charleroi.demo');
		await agent.action(`/rencontres/${id}?/register`, { participants: '2' });

		const unticked = await buyer.action(`/rencontres/${id}?/cancel`, {
			reason: 'Salle indisponible'
		});
		expect(unticked.status).toBe(400);
		expect(unticked.body.data).toContain('Cochez la case');
		expect(eventRow(server.dataDir, id).cancelled_at).toBeNull();

		const done = await buyer.action(`/rencontres/${id}?/cancel`, {
			confirmed: '1',
			reason: 'Salle indisponible'
		});
		expect(done.status).toBe(200);
		expect(eventRow(server.dataDir, id)).toMatchObject({ sequence: 1 });
		const told = notices(server.dataDir, 'reminder.event-cancelled', id);
		expect(told.map((n) => n.email)).toEqual(['agent@charleroi.demo']);

		const again = await buyer.action(`/rencontres/${id}?/cancel`, { confirmed: '1' });
		expect(again.status).toBe(400);
		expect(notices(server.dataDir, 'reminder.event-cancelled', id)).toHaveLength(1);
		expect((await agent.action(`/rencontres/${id}?/register`, { participants: '1' })).status).toBe(
			400
		);
		expect((await edit(buyer, id, { title: 'Revenue' })).status).toBe(400);

		const page = await (await new Client(server.url).get(`/rencontres/${id}`)).text();
		expect(page).toMatch(/<strong[^>]*>Annulée<\/strong>/);
		expect(page).toContain('Motif : Salle indisponible');
		expect(page).toContain('Les inscriptions sont closes.');
		const list = await (await new Client(server.url).get('/rencontres')).text();
		expect(list).toMatch(/Club à annuler[\s\S]*?Annulée/);

		const invitation = await (
			await new Client(server.url).get(`/rencontres/${id}/invitation.ics`)
		).text();
		const vevent = new ICAL.Component(ICAL.parse(invitation)).getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
		expect(vevent.getFirstPropertyValue('uid')).toBe(`rencontre-${id}@centrale`);
		const agenda = await (await new Client(server.url).get('/rencontres/agenda.ics')).text();
		expect(agenda).not.toContain('Club à annuler');
	});
});
