import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addCard,
	addRequirement,
	deleteCard,
	getCard,
	listCards,
	listColumns,
	updateCard
} from '../../src/lib/collab/board';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { connectYjs, eventually } from '../support/yjs-client';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const as = (email: string) => new Client(server.url).login(email);

interface ApiBoard {
	id: number;
	title: string;
	group: { id: number; title: string; visibility: string };
	phase: string;
	document: string;
	canWrite: boolean;
}
async function boardsOf(email: string): Promise<ApiBoard[]> {
	const res = await (await as(email)).get('/api/v1/boards');
	expect(res.status).toBe(200);
	return ((await res.json()) as { boards: ApiBoard[] }).boards;
}

/** the cards of a board as a member's y-websocket client sees them */
async function cardsOf(boardId: number, client: Client) {
	const yjs = connectYjs(server.url, `board:${boardId}`, { cookie: client.cookieHeader });
	await yjs.synced;
	const cards = listCards(yjs.doc);
	yjs.destroy();
	return cards;
}

describe('boards API and demo groups', () => {
	it('lists the boards a user can see, with the right to write', async () => {
		const charleroi = await boardsOf('referent@charleroi.demo');
		expect(charleroi.map((b) => [b.title, b.phase, b.document, b.canWrite])).toEqual([
			['Cybersécurité des administrations communales', 'collecting', 'board:2', true],
			['E-guichet et services aux citoyens', 'prioritising', 'board:1', true]
		]);
		const tournai = await boardsOf('agent@tournai.demo');
		expect(tournai.map((b) => [b.document, b.canWrite])).toEqual([['board:1', false]]);
		const anonymous = await new Client(server.url).get('/api/v1/boards');
		expect(anonymous.status).toBe(401);
	});

	it('keeps a members-only group from other communes', async () => {
		const tournai = await as('agent@tournai.demo');
		expect((await tournai.get('/groupes/2')).status).toBe(403);
		expect((await tournai.get('/groupes/1')).status).toBe(200);
		expect((await tournai.get('/groupes/999')).status).toBe(404);
	});
});

describe('working groups', () => {
	it('lets a buyer create a group with a board, and refuses it to a referent', async () => {
		const buyer = await as('acheteur@ideta.demo');
		const res = await buyer.post('/groupes/nouveau', {
			title: 'Logiciels de gestion des cimetières',
			theme: 'Logiciels métier',
			description: 'Recenser les besoins des services population.',
			visibility: 'members',
			collectingFrom: '2027-01-04',
			prioritisingFrom: '2027-02-01',
			phasingFrom: '',
			closesOn: '2027-04-30'
		});
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^\/groupes\/\d+$/);
		const page = await (await buyer.get(location)).text();
		expect(page).toContain('Logiciels de gestion des cimetières');
		const api = await (await buyer.get('/api/v1/boards')).json();
		expect(
			api.boards.some(
				(b: ApiBoard) => b.title === 'Logiciels de gestion des cimetières' && b.canWrite
			)
		).toBe(true);

		const bad = await buyer.action('/groupes/nouveau', {
			title: '',
			theme: 'x',
			description: '',
			visibility: 'open',
			collectingFrom: '2027-03-01',
			prioritisingFrom: '2027-01-01',
			phasingFrom: '',
			closesOn: ''
		});
		expect(bad.body.type).toBe('failure');
		expect(bad.body.data).toContain('Indiquez le titre du groupe.');
		expect(bad.body.data).toContain('Les phases doivent se suivre dans le temps.');

		const referent = await as('referent@mons.demo');
		expect((await referent.get('/groupes/nouveau')).status).toBe(403);
	});

	it('handles a join request from a commune, accepted by the centrale’s buyer', async () => {
		const seneffe = await as('referent@seneffe.demo');
		const ask = await seneffe.action('/groupes/1?/join', {});
		expect(ask.body.type).toBe('success');
		// asking twice is refused: the request is pending
		expect((await seneffe.action('/groupes/1?/join', {})).status).toBe(403);

		const buyer = await as('acheteur@igretec.demo');
		expect(await (await buyer.get('/notifications')).text()).toContain(
			'Demande d’adhésion au groupe « E-guichet et services aux citoyens »'
		);
		const members = await (await buyer.get('/groupes/1/membres')).text();
		expect(members).toContain('Accepter Seneffe');
		// another centrale's buyer cannot decide
		const other = await as('acheteur@idea.demo');
		const idOf = /name="organisationId" value="(\d+)"/.exec(members)![1];
		expect(
			(
				await other.action('/groupes/1/membres?/decide', {
					organisationId: idOf,
					decision: 'accept'
				})
			).status
		).toBe(403);
		const ok = await buyer.action('/groupes/1/membres?/decide', {
			organisationId: idOf,
			decision: 'accept'
		});
		expect(ok.body.type).toBe('success');
		expect(await (await seneffe.get('/notifications')).text()).toContain(
			'Votre commune a rejoint le groupe « E-guichet et services aux citoyens »'
		);
		const boards = await (await seneffe.get('/api/v1/boards')).json();
		expect(boards.boards.find((b: ApiBoard) => b.document === 'board:1').canWrite).toBe(true);
	});

	it('notifies members of a phase change and of a new session', async () => {
		const buyer = await as('acheteur@idea.demo');
		const wrong = await buyer.action('/groupes/2?/phase', { to: 'closed' });
		expect(wrong.body.type).toBe('failure');
		const move = await buyer.action('/groupes/2?/phase', { to: 'prioritising' });
		expect(move.body.type).toBe('redirect');
		const meeting = await buyer.action('/groupes/2?/meeting', {
			title: 'Atelier sauvegardes',
			date: '2027-02-10',
			time: '09:30',
			durationMinutes: '90',
			place: 'Mons, IDEA',
			videoLink: '',
			agenda: 'Retours des communes'
		});
		expect(meeting.body.type).toBe('success');
		const mons = await as('referent@mons.demo');
		const inbox = await (await mons.get('/notifications')).text();
		expect(inbox).toContain(
			'Le groupe « Cybersécurité des administrations communales » passe à la priorisation'
		);
		expect(inbox).toContain(
			'Nouvelle séance du groupe « Cybersécurité des administrations communales »'
		);
		// a referent cannot change the phase
		expect((await mons.action('/groupes/2?/phase', { to: 'phasing' })).status).toBe(403);
		// back to collecting for the other tests
		expect((await buyer.action('/groupes/2?/phase', { to: 'collecting' })).body.type).toBe(
			'redirect'
		);
	});
});

describe('prioritising', () => {
	it('refuses wrong ballots and keeps a valid one', async () => {
		const mons = await as('referent@mons.demo');
		const cards = await cardsOf(1, mons);
		const [a, b, c] = cards.map((card) => card.id);
		const vote = (fields: Record<string, string>) =>
			mons.action('/groupes/1/priorites?/vote', fields);

		const over = await vote({ [`points_${a}`]: '60', [`points_${b}`]: '41' });
		expect(over.body.type).toBe('failure');
		expect(over.body.data).toContain('Vous avez réparti 101 points');
		const negative = await vote({ [`points_${a}`]: '-5' });
		expect(negative.body.data).toContain('Indiquez un nombre entier de points, 0 ou plus.');
		const unknown = await vote({ points_nope: '10' });
		expect(unknown.body.data).toContain('Ce besoin n’existe pas sur ce tableau.');
		const fraction = await vote({ [`points_${a}`]: '2.5' });
		expect(fraction.body.type).toBe('failure');

		const ok = await vote({
			[`points_${a}`]: '70',
			[`points_${b}`]: '30',
			[`points_${c}`]: '0',
			[`quantity_${a}`]: '2'
		});
		expect(ok.body.type).toBe('success');
		expect(ok.body.data).toContain('100 points sur 100');
		const page = await (await mons.get('/groupes/1/priorites')).text();
		expect(page).toMatch(
			new RegExp(`name="points_${a}"[^>]*value="70"|value="70"[^>]*name="points_${a}"`)
		);
	});

	it('lets only member referents vote, and only while prioritising', async () => {
		const agent = await as('agent@charleroi.demo');
		const cards = await cardsOf(1, agent);
		const agentVote = await agent.action('/groupes/1/priorites?/vote', {
			[`points_${cards[0].id}`]: '10'
		});
		expect(agentVote.body.status).toBe(403);
		expect(agentVote.body.data).toContain('Seul le référent de votre commune');
		const tournai = await as('agent@tournai.demo');
		expect(
			(await tournai.action('/groupes/1/priorites?/vote', { [`points_${cards[0].id}`]: '10' })).body
				.status
		).toBe(403);
		const mons = await as('referent@mons.demo');
		const cyber = await cardsOf(2, mons);
		const early = await mons.action('/groupes/2/priorites?/vote', {
			[`points_${cyber[0].id}`]: '10'
		});
		expect(early.body.status).toBe(403);
		expect(early.body.data).toContain('Le vote n’est pas ouvert');
	});

	it('shows the ranking to the centrale while voting, not to voters', async () => {
		const buyer = await as('acheteur@igretec.demo');
		const page = await (await buyer.get('/groupes/1/priorites')).text();
		expect(page).toContain('Classement provisoire');
		expect(page).toContain('Guichet en ligne avec paiement');
		const referent = await as('referent@charleroi.demo');
		expect(await (await referent.get('/groupes/1/priorites')).text()).toContain(
			'Le classement sera publié à la fin de la priorisation'
		);
	});
});

describe('needs projection', () => {
	it('follows the board documents edited through the hub', async () => {
		const charleroi = await as('referent@charleroi.demo');
		const yjs = connectYjs(server.url, 'board:2', { cookie: charleroi.cookieHeader });
		await yjs.synced;
		const column = listColumns(yjs.doc)[0].id;
		const id = addCard(yjs.doc, {
			title: 'Gestionnaire de mots de passe partagé',
			column,
			module: 'software',
			targetYear: 2028,
			budgetCents: 990_000,
			description: ['Pour les services informatiques.']
		});
		addRequirement(yjs.doc, id, 'Coffre par service', 'must');
		addRequirement(yjs.doc, id, 'Audit des accès', 'could');
		const expected = listCards(yjs.doc);
		let page = '';
		const poll = setInterval(
			async () => (page = await (await charleroi.get('/groupes/2/liste')).text()),
			300
		);
		try {
			await eventually(
				() => page.includes('Gestionnaire de mots de passe partagé'),
				8000,
				'projection'
			);
		} finally {
			clearInterval(poll);
		}
		// every card of the document is in the list view (the projection), and only those
		const rows = [...page.matchAll(/tableau\?carte=([0-9a-f-]+)/g)].map((m) => m[1]).sort();
		expect(rows).toEqual(expected.map((c) => c.id).sort());
		expect(page).toContain('Pour les services informatiques.');
		expect(page).toMatch(/9\s900,00\s€/);
		expect(page).toMatch(/1 indispensable,\s+0 importante,\s+1 souhaitable/);
		yjs.destroy();
	});
});

describe('needs projection, card by card', () => {
	it('rewrites only the cards that changed: the others keep their row and its date', async () => {
		const charleroi = await as('referent@charleroi.demo');
		const yjs = connectYjs(server.url, 'board:2', { cookie: charleroi.cookieHeader });
		await yjs.synced;
		const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
		const rows = () =>
			new Map(
				(
					db.prepare('select card_id, title, updated_at from needs where board_id = 2').all() as {
						card_id: string;
						title: string;
						updated_at: number;
					}[]
				).map((r) => [r.card_id, r])
			);
		try {
			const column = listColumns(yjs.doc)[0].id;
			const [kept, edited, removed] = ['Sauvegardes hors site', 'Filtrage DNS', 'Pare-feu'].map(
				(title) => addCard(yjs.doc, { title, column })
			);
			await eventually(() => rows().has(removed), 8000, 'the new cards projected');
			const before = rows();
			expect(before.has(kept)).toBe(true);
			updateCard(yjs.doc, edited, { title: 'Filtrage DNS pour toutes les écoles' });
			deleteCard(yjs.doc, removed);
			await eventually(
				() => rows().get(edited)?.title === 'Filtrage DNS pour toutes les écoles',
				8000,
				'the edit projected'
			);
			const after = rows();
			expect(after.has(removed)).toBe(false);
			expect(after.get(edited)!.updated_at).toBeGreaterThan(before.get(edited)!.updated_at);
			for (const [id, row] of after) {
				if (id !== edited) expect(row).toEqual(before.get(id));
			}
			expect(after.size).toBe(before.size - 1);
		} finally {
			db.close();
			yjs.destroy();
		}
	});
});

describe('session calendar (.ics)', () => {
	it('serves an open group’s sessions publicly, in RFC 5545 form', async () => {
		const res = await fetch(`${server.url}/groupes/1/seances.ics`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/calendar');
		const body = await res.text();
		expect(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(body.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
		expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
		expect(body).toContain('LOCATION:Charleroi\\, Hôtel de ville\\, salle du collège');
		expect(body).not.toMatch(/[^\r]\n/);
	});

	it('needs the token or a member’s session for a members-only group', async () => {
		expect((await fetch(`${server.url}/groupes/2/seances.ics`)).status).toBe(403);
		expect((await fetch(`${server.url}/groupes/2/seances.ics?jeton=wrong`)).status).toBe(404);
		const mons = await as('referent@mons.demo');
		const page = await (await mons.get('/groupes/2')).text();
		const feed = /href="(\/groupes\/2\/seances\.ics\?jeton=[^"]+)"/.exec(page)![1];
		const res = await fetch(server.url + feed.replace(/&amp;/g, '&'));
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('SUMMARY:Séance de lancement');
		// a non-member sees no link
		const tournai = await as('agent@tournai.demo');
		expect(await (await tournai.get('/groupes/1')).text()).not.toContain('jeton=');
	});
});

describe('phasing and « Créer un marché »', () => {
	it('groups needs into waves and turns two needs into a planned contract with their trace', async () => {
		const buyer = await as('acheteur@igretec.demo');
		// not before the phasing phase
		const early = await buyer.action('/groupes/1/phasage?/wave', { year: '2027' });
		expect(early.body.data).toContain('Les vagues se préparent pendant la phase de phasage.');
		expect((await buyer.action('/groupes/1?/phase', { to: 'phasing' })).body.type).toBe('redirect');

		expect((await buyer.action('/groupes/1/phasage?/wave', { year: '2027' })).body.type).toBe(
			'success'
		);
		const cards = await cardsOf(1, buyer);
		const guichet = cards.find((c) => c.title === 'Guichet en ligne avec paiement')!;
		const rdv = cards.find((c) => c.title.startsWith('Prise de rendez-vous'))!;
		const page = await (await buyer.get('/groupes/1/phasage')).text();
		const waveId = /<option value="(\d+)">2027 — vague 1<\/option>/.exec(page)![1];
		const assign = await buyer.action('/groupes/1/phasage?/assign', { cardId: guichet.id, waveId });
		expect(assign.body.type).toBe('success');
		expect(await (await buyer.get('/groupes/1/phasage')).text()).toMatch(
			/2027 — vague 1<\/h4>(?:(?!<\/article>)[\s\S])*<li>Guichet en ligne avec paiement<\/li>/
		);

		// a referent cannot promote; a wrong card is refused
		const mons = await as('referent@mons.demo');
		expect(
			(
				await mons.action('/groupes/1/phasage?/promote', {
					title: 'x',
					theme: 'e-guichet',
					procedure: 'ouverte',
					cardIds: guichet.id
				})
			).status
		).toBe(403);
		const wrong = await buyer.action('/groupes/1/phasage?/promote', {
			title: 'x',
			theme: 'e-guichet',
			procedure: 'ouverte',
			cardIds: ['nope']
		});
		expect(wrong.body.data).toContain('Choisissez des besoins de ce tableau.');

		// a requirement added live a moment ago: relayed, so journalled, but not folded yet
		const writer = connectYjs(server.url, 'board:1', { cookie: buyer.cookieHeader });
		const watcher = connectYjs(server.url, 'board:1', { cookie: buyer.cookieHeader });
		await Promise.all([writer.synced, watcher.synced]);
		addRequirement(writer.doc, guichet.id, 'Paiement par Bancontact et Payconiq', 'must');
		await eventually(
			() =>
				!!getCard(watcher.doc, guichet.id)?.requirements.some((r) => r.text.includes('Payconiq')),
			5000,
			'the relay'
		);
		writer.destroy();
		watcher.destroy();

		const res = await buyer.post('/groupes/1/phasage?/promote', {
			title: 'E-guichet citoyen mutualisé',
			theme: 'e-guichet',
			procedure: 'ouverte',
			cardIds: [guichet.id, rdv.id]
		});
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^\/catalogue\/GT1-\d{4}-01$/);
		const contractPage = await (await buyer.get(location)).text();
		expect(contractPage).toContain('Né des besoins');
		expect(contractPage).toContain(`/groupes/1/tableau?carte=${guichet.id}`);
		expect(contractPage).toContain('Authentification itsme et eID (CSAM)');
		expect(contractPage).toContain('Paiement par Bancontact et Payconiq');

		const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
		try {
			const contract = db
				.prepare('select * from contracts where reference = ?')
				.get(location.split('/').pop()) as {
				id: number;
				status: string;
				estimated_value_cents: number;
			};
			expect(contract.status).toBe('planned');
			expect(contract.estimated_value_cents).toBe(4_500_000 + 1_200_000);
			const reqs = db
				.prepare(
					'select card_id, text, moscow from contract_requirements where contract_id = ? order by position'
				)
				.all(contract.id) as { card_id: string; text: string; moscow: string }[];
			const live = { text: 'Paiement par Bancontact et Payconiq', moscow: 'must' };
			expect(reqs).toHaveLength(guichet.requirements.length + rdv.requirements.length + 1);
			for (const r of [...guichet.requirements, ...rdv.requirements, live])
				expect(reqs.some((x) => x.text === r.text && x.moscow === r.moscow)).toBe(true);
			expect(new Set(reqs.map((r) => r.card_id))).toEqual(new Set([guichet.id, rdv.id]));
			const declared = db
				.prepare(
					`select o.slug, i.max_quantity_hundredths / 100 as q, i.estimated_amount_cents as cents from interests i
				 join organisations o on o.id = i.organisation_id where i.contract_id = ? order by o.slug`
				)
				.all(contract.id) as { slug: string; q: number; cents: number }[];
			// demo interest: Châtelet 1 (guichet), Fleurus 1 (guichet), La Louvière 1 + 1; Mons 2 on its own first card
			expect(declared.map((d) => d.slug)).toEqual(
				expect.arrayContaining(['chatelet', 'fleurus', 'la-louviere'])
			);
			expect(declared.find((d) => d.slug === 'la-louviere')!.q).toBe(2);
		} finally {
			db.close();
		}
		// each card shows the contract it fed
		expect(await (await buyer.get('/groupes/1/phasage')).text()).toContain('GT1-');
	});
});
