/**
 * Running a working group after its creation: editing it (with the version check), the board's
 * columns through the sync hub, the waves of the phasing phase, and the .ics token rotation.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addColumn,
	listCards,
	listColumns,
	moveColumn,
	renameColumn
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

function readDb() {
	return new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
}

/** the edit form of group `id` as its hidden and visible fields, ready to post back */
async function editForm(client: Client, id: number) {
	const html = await (await client.get(`/groupes/${id}/modifier`)).text();
	const value = (name: string) =>
		new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(html);
	const v = (name: string) => {
		const m = value(name);
		return m ? (m[1] ?? m[2]) : '';
	};
	return {
		version: v('version'),
		title: v('title'),
		theme: v('theme'),
		description: 'Des audits, des sauvegardes et de la sensibilisation achetés en commun.',
		visibility: 'members',
		phase: 'collecting',
		collectingFrom: v('collectingFrom'),
		prioritisingFrom: v('prioritisingFrom'),
		phasingFrom: v('phasingFrom'),
		closesOn: v('closesOn')
	};
}

describe('editing a working group', () => {
	it('is refused to members and to another centrale’s buyer', async () => {
		for (const email of ['referent@charleroi.demo', 'acheteur@igretec.demo']) {
			const client = await as(email);
			expect((await client.get('/groupes/2/modifier')).status).toBe(403);
			const post = await client.action('/groupes/2/modifier', {
				version: '1',
				title: 'Pris en main',
				theme: 'x',
				visibility: 'open',
				phase: 'collecting'
			});
			expect(post.status).toBe(403);
		}
		const db = readDb();
		expect(
			db.prepare('select title from working_groups where id = 2').get() as { title: string }
		).toEqual({ title: 'Cybersécurité des administrations communales' });
		db.close();
		// and members do not see the link
		const member = await as('referent@charleroi.demo');
		expect(await (await member.get('/groupes/2')).text()).not.toContain('/groupes/2/modifier');
	});

	it('saves the fields and the phase, notifies members of the phase, and audits it', async () => {
		const buyer = await as('acheteur@idea.demo');
		expect(await (await buyer.get('/groupes/2')).text()).toContain('/groupes/2/modifier');
		const form = await editForm(buyer, 2);
		expect(form).toMatchObject({
			version: '1',
			title: 'Cybersécurité des administrations communales',
			collectingFrom: '2026-10-01'
		});
		const res = await buyer.action('/groupes/2/modifier', {
			...form,
			title: 'Cybersécurité communale',
			theme: 'Sécurité',
			phase: 'prioritising',
			prioritisingFrom: '2027-01-18',
			agentsMayVote: 'on'
		});
		expect(res.body).toMatchObject({ type: 'redirect', location: '/groupes/2?modifie=1' });
		const page = await (await buyer.get('/groupes/2?modifie=1')).text();
		expect(page).toContain('Cybersécurité communale');
		expect(page).toContain('Les modifications du groupe sont enregistrées.');
		expect(page).toContain('18 janvier 2027');

		const mons = await as('referent@mons.demo');
		expect(await (await mons.get('/notifications')).text()).toContain(
			'Le groupe « Cybersécurité communale » passe à la priorisation'
		);
		const db = readDb();
		const row = db
			.prepare(
				'select phase, version, agents_may_vote as agents, theme from working_groups where id = 2'
			)
			.get();
		expect(row).toEqual({ phase: 'prioritising', version: 2, agents: 1, theme: 'Sécurité' });
		const entry = db
			.prepare(
				"select details from audit_log where action = 'group.edit' and subject_id = '2' order by id desc"
			)
			.get() as { details: string };
		expect(JSON.parse(entry.details)).toMatchObject({
			fromVersion: 1,
			changed: ['title', 'theme', 'prioritisingFrom', 'agentsMayVote', 'phase'],
			before: { phase: 'collecting', title: 'Cybersécurité des administrations communales' },
			after: { phase: 'prioritising', title: 'Cybersécurité communale' }
		});
		db.close();
	});

	it('refuses dates out of order, a phase jump and a stale form, naming what changed', async () => {
		const buyer = await as('acheteur@idea.demo');
		const form = await editForm(buyer, 2);
		expect(form.version).toBe('2');

		const dates = await buyer.action('/groupes/2/modifier', {
			...form,
			phase: 'prioritising',
			phasingFrom: '2026-12-01'
		});
		expect(dates.status).toBe(400);
		expect(dates.body.data).toContain(
			'Les phases doivent se suivre dans le temps. Cette date précède celle de la phase « Priorisation ».'
		);

		const jump = await buyer.action('/groupes/2/modifier', { ...form, phase: 'closed' });
		expect(jump.status).toBe(400);
		expect(jump.body.data).toContain('le groupe ne peut passer qu’à la phase suivante');

		// another buyer of the centrale saves first; the first form is now stale
		const stale = await buyer.action('/groupes/2/modifier', {
			...form,
			phase: 'prioritising',
			version: '1',
			title: 'Titre écrit sur un vieux formulaire'
		});
		expect(stale.status).toBe(409);
		expect(stale.body.data).toContain('Ce groupe a été modifié par Damien Lambert');
		expect(stale.body.data).toContain('Champs modifiés : titre, thématique');
		expect(stale.body.data).toContain('phase en cours');
		const db = readDb();
		expect(db.prepare('select title, version from working_groups where id = 2').get()).toEqual({
			title: 'Cybersécurité communale',
			version: 2
		});
		db.close();
	});
});

describe('board columns through the sync hub', () => {
	it('members add, rename and move columns live; a reader’s changes are dropped', async () => {
		const charleroi = await as('referent@charleroi.demo');
		const mons = await as('referent@mons.demo');
		const tournai = await as('agent@tournai.demo');
		const a = connectYjs(server.url, 'board:1', { cookie: charleroi.cookieHeader });
		const b = connectYjs(server.url, 'board:1', { cookie: mons.cookieHeader });
		const reader = connectYjs(server.url, 'board:1', { cookie: tournai.cookieHeader });
		await Promise.all([a.synced, b.synced, reader.synced]);
		try {
			const titles = (doc: typeof a.doc) => listColumns(doc).map((c) => c.title);
			expect(titles(a.doc)).toEqual(['À trier', 'En rédaction', 'Prêt']);
			const first = listColumns(a.doc)[0].id;
			const firstCard = listCards(a.doc).find((c) => c.column === first)!;

			addColumn(a.doc, 'Validé');
			renameColumn(a.doc, first, 'Idées');
			// both members move the same column at the same moment
			moveColumn(a.doc, first, 1);
			moveColumn(b.doc, first, 1);
			await eventually(
				() =>
					JSON.stringify(titles(a.doc)) === JSON.stringify(titles(b.doc)) &&
					titles(b.doc).includes('Validé') &&
					titles(b.doc).includes('Idées'),
				5000,
				'members converge'
			);
			expect(titles(b.doc)).toEqual(['En rédaction', 'Idées', 'Prêt', 'Validé']);

			// the read-only connection's rename never reaches anyone
			renameColumn(reader.doc, first, 'Renommé par un lecteur');
			await new Promise((r) => setTimeout(r, 500));
			expect(titles(b.doc)).not.toContain('Renommé par un lecteur');
			const fresh = connectYjs(server.url, 'board:1', { cookie: mons.cookieHeader });
			await fresh.synced;
			expect(titles(fresh.doc)).toEqual(['En rédaction', 'Idées', 'Prêt', 'Validé']);
			fresh.destroy();

			// the list view shows each card's column, from the projection
			let page = '';
			let pending = false;
			await eventually(
				() => {
					if (!pending) {
						pending = true;
						void charleroi
							.get('/groupes/1/liste')
							.then((r) => r.text())
							.then((t) => ((page = t), (pending = false)));
					}
					return /data-label="Colonne">Idées</.test(page);
				},
				8000,
				'projection of the column'
			);
			const row = new RegExp(`carte=${firstCard.id}[\\s\\S]*?data-label="Colonne">([^<]*)<`).exec(
				page
			);
			expect(row?.[1]).toBe('Idées');
		} finally {
			a.destroy();
			b.destroy();
			reader.destroy();
		}
	});
});

describe('waves of the phasing phase', () => {
	it('are renamed, reordered and deleted when empty, with French refusals', async () => {
		const buyer = await as('acheteur@igretec.demo');
		expect((await buyer.action('/groupes/1?/phase', { to: 'phasing' })).body.type).toBe('redirect');
		for (let i = 0; i < 3; i++)
			expect((await buyer.action('/groupes/1/phasage?/wave', { year: '2027' })).body.type).toBe(
				'success'
			);
		const db = readDb();
		const waves = () =>
			db
				.prepare('select id, label, position from waves where board_id = 1 order by position, id')
				.all() as { id: number; label: string; position: number }[];
		const [one, two, three] = waves();
		expect([one, two, three].map((w) => w.label)).toEqual([
			'2027 — vague 1',
			'2027 — vague 2',
			'2027 — vague 3'
		]);

		const member = await as('referent@charleroi.demo');
		expect(
			(
				await member.action('/groupes/1/phasage?/renameWave', {
					waveId: String(one.id),
					label: 'Pris'
				})
			).status
		).toBe(403);

		const empty = await buyer.action('/groupes/1/phasage?/renameWave', {
			waveId: String(one.id),
			label: '  '
		});
		expect(empty.body.data).toContain('Indiquez le nom de la vague.');
		const renamed = await buyer.action('/groupes/1/phasage?/renameWave', {
			waveId: String(one.id),
			label: '2027 — guichet en ligne'
		});
		expect(renamed.body.type).toBe('success');

		const first = await buyer.action('/groupes/1/phasage?/moveWave', {
			waveId: String(one.id),
			step: '-1'
		});
		expect(first.body.data).toContain(
			'« 2027 — guichet en ligne » est déjà la première vague de 2027.'
		);
		expect(
			(
				await buyer.action('/groupes/1/phasage?/moveWave', {
					waveId: String(three.id),
					step: '-1'
				})
			).body.type
		).toBe('success');
		expect(waves().map((w) => w.label)).toEqual([
			'2027 — guichet en ligne',
			'2027 — vague 3',
			'2027 — vague 2'
		]);
		// without JavaScript too: a plain form post answers with the page
		const plain = await buyer.post('/groupes/1/phasage?/moveWave', {
			waveId: String(three.id),
			step: '-1'
		});
		expect(plain.status).toBe(200);
		expect(waves()[0].label).toBe('2027 — vague 3');

		const need = db.prepare('select card_id from needs where board_id = 1 limit 1').get() as {
			card_id: string;
		};
		await buyer.action('/groupes/1/phasage?/assign', {
			cardId: need.card_id,
			waveId: String(two.id)
		});
		const full = await buyer.action('/groupes/1/phasage?/deleteWave', { waveId: String(two.id) });
		expect(full.body.data).toContain(
			'« 2027 — vague 2 » contient encore 1 besoin : placez-le dans une autre vague'
		);
		expect(
			(await buyer.action('/groupes/1/phasage?/deleteWave', { waveId: String(one.id) })).body.type
		).toBe('success');
		expect(waves().map((w) => w.label)).toEqual(['2027 — vague 3', '2027 — vague 2']);
		// a new wave goes after the last, whatever was deleted
		await buyer.action('/groupes/1/phasage?/wave', { year: '2027' });
		expect(waves().map((w) => w.position)).toEqual([1, 3, 4]);
		const actions = db
			.prepare(
				"select action from audit_log where action like 'board.wave.%' and subject_id = '1' order by id"
			)
			.all()
			.map((r) => (r as { action: string }).action);
		expect(actions).toEqual([
			'board.wave.create',
			'board.wave.create',
			'board.wave.create',
			'board.wave.rename',
			'board.wave.move',
			'board.wave.move',
			'board.wave.assign',
			'board.wave.delete',
			'board.wave.create'
		]);
		db.close();
	});
});

describe('rotating the .ics token of a members-only group', () => {
	const feedOf = async (client: Client) => {
		const page = await (await client.get('/groupes/2')).text();
		return /href="(\/groupes\/2\/seances\.ics\?jeton=[^"]+)"/.exec(page)![1].replace(/&amp;/g, '&');
	};

	it('lets a member replace the link: the old one answers 404, the new one 200', async () => {
		const mons = await as('referent@mons.demo');
		const page = await (await mons.get('/groupes/2')).text();
		expect(page).toContain('Le lien de l’agenda a été partagé par erreur ?');
		const old = await feedOf(mons);
		expect((await fetch(server.url + old)).status).toBe(200);

		const res = await mons.action('/groupes/2?/rotateFeed', {});
		expect(res.body.type).toBe('success');
		expect(res.body.data).toContain('l’ancien ne fonctionne plus');
		const fresh = await feedOf(mons);
		expect(fresh).not.toBe(old);
		expect((await fetch(server.url + old)).status).toBe(404);
		const ok = await fetch(server.url + fresh);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('BEGIN:VCALENDAR');
		// another member gets the new link too
		expect(await feedOf(await as('referent@charleroi.demo'))).toBe(fresh);

		const db = readDb();
		const entry = db
			.prepare(
				"select details, actor_id from audit_log where action = 'group.feed.rotate' and subject_id = '2'"
			)
			.get() as { details: string | null };
		expect(entry).toBeTruthy();
		expect(JSON.stringify(entry)).not.toContain(fresh.split('jeton=')[1]);
		db.close();
	});

	it('is refused to non-members and makes no sense for an open group', async () => {
		const tournai = await as('agent@tournai.demo');
		expect((await tournai.action('/groupes/2?/rotateFeed', {})).status).toBe(403);
		const member = await as('referent@charleroi.demo');
		expect((await member.action('/groupes/1?/rotateFeed', {})).status).toBe(403);
		expect(await (await member.get('/groupes/1')).text()).not.toContain('partagé par erreur');
	});
});

describe('needs projected before column titles existed', () => {
	it('get their column title back when the server starts', async () => {
		const db = new Database(path.join(server.dataDir, 'centrale.sqlite'));
		db.prepare("update needs set column_title = '' where board_id = 2").run();
		db.close();
		server = await server.restart();
		const check = readDb();
		const titles = check
			.prepare('select distinct column_title as t from needs where board_id = 2 order by t')
			.all()
			.map((r) => (r as { t: string }).t);
		check.close();
		expect(titles.length).toBeGreaterThan(0);
		expect(titles).not.toContain('');
		expect(titles.every((t) => ['À trier', 'En rédaction', 'Prêt'].includes(t))).toBe(true);
	});
});
