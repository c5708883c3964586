/**
 * A report's history, visibility and replies against the real server: two authors write through
 * the Automerge hub, the versions page lists their versions and who wrote what, readers see and
 * diff published versions only, a visitor reads a public report anonymised, and a buyer replies.
 */
import { splice, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAutomerge, type AutomergeClient } from '../support/automerge-client';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { eventually } from '../support/yjs-client';

type Doc = { story: string; lessons: string; ratings: Record<string, number | null> };

let server: TestServer;
let db: FixtureDb;
const automerge: AutomergeClient[] = [];

beforeAll(async () => {
	server = await startServer();
	db = new FixtureDb(server.dataDir);
});
afterAll(async () => {
	for (const c of automerge) await c.close().catch(() => {});
	db?.close();
	await server?.stop();
});

const html = async (client: Client, path: string) => {
	const res = await client.get(path);
	return { status: res.status, text: await res.text(), location: res.headers.get('location') };
};

/** the page's text as read aloud: tags dropped, spaces collapsed */
const plain = (page: string) =>
	page
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ');

const excerpt = (reportId: number) =>
	(
		db.sqlite.prepare('select excerpt from reports where id = ?').get(reportId) as {
			excerpt: string;
		}
	).excerpt;

/** One author's change through a stock automerge-repo client, waited for until stored. */
async function write(client: Client, reportId: number, change: (d: Doc) => void, expected: string) {
	const row = db.sqlite.prepare('select automerge_id from reports where id = ?').get(reportId) as {
		automerge_id: string;
	};
	const c = await connectAutomerge(server.url, client.cookieHeader);
	automerge.push(c);
	const handle = await c.repo.find<Doc>(`automerge:${row.automerge_id}` as AutomergeUrl);
	handle.change(change);
	await eventually(() => excerpt(reportId).includes(expected), 10_000, 'change stored');
	await c.close();
}

const appendStory = (text: string) => (d: Doc) => splice(d, ['story'], d.story.length, 0, text);

let referent: Client;
let agent: Client;
let mons: Client;
let buyer: Client;
let visitor: Client;
let reportId: number;

describe('report history', () => {
	it('lists the versions of two authors, and who wrote which passage', async () => {
		referent = await new Client(server.url).login('referent@charleroi.demo');
		agent = await new Client(server.url).login('agent@charleroi.demo');
		mons = await new Client(server.url).login('referent@mons.demo');
		buyer = await new Client(server.url).login('acheteur@idea.demo');
		visitor = new Client(server.url);
		const created = await referent.action('/retours/nouveau', {
			solutionName: 'Gestion des cimetières',
			supplierName: 'Cimetix SPRL'
		});
		reportId = Number(/\/retours\/(\d+)$/.exec(created.body.location ?? '')?.[1]);
		expect(reportId).toBeGreaterThan(0);

		await write(
			referent,
			reportId,
			(d) => {
				appendStory('Le déploiement a pris trois mois.')(d);
				d.ratings.deployment = 3;
			},
			'trois mois'
		);
		await write(agent, reportId, appendStory(' Le support a été remarquable.'), 'remarquable');

		const page = await html(referent, `/retours/${reportId}/versions`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Versions du brouillon');
		// creation by the server, then each author
		expect(page.text).toContain('Centrale');
		expect(page.text).toContain('Version 3');
		const names = db.sqlite
			.prepare('select name from users where email in (?, ?) order by email')
			.all('agent@charleroi.demo', 'referent@charleroi.demo') as { name: string }[];
		for (const { name } of names) expect(page.text).toContain(name);
		// attribution: the agent's sentence comes after the agent's name
		const agentName = names[0].name;
		expect(plain(page.text)).toContain(`${agentName} : Le support a été remarquable.`);
		expect(page.text).toContain("Ce retour n'a pas encore été publié.");

		// one version as it stood: version 2 is the referent's text only
		const v2 = await html(referent, `/retours/${reportId}/versions/2`);
		expect(v2.status).toBe(200);
		expect(v2.text).toContain('Le déploiement a pris trois mois.');
		expect(v2.text).not.toContain('remarquable');

		// the diff in words, with the rating that changed
		const diff = await html(referent, `/retours/${reportId}/versions/comparer?de=1&a=3`);
		expect(diff.status).toBe(200);
		expect(plain(diff.text)).toContain('ajouté : Le déploiement a pris trois mois.');
		expect(diff.text).toContain('Le déploiement a pris trois mois.');
		expect(diff.text).toMatch(/Facilité de déploiement : sans note → 3\/5/);
		const back = await html(referent, `/retours/${reportId}/versions/comparer?de=3&a=2`);
		expect(plain(back.text)).toContain('supprimé : Le support a été remarquable.');

		// bad keys: a French message, or not found
		const bad = await html(referent, `/retours/${reportId}/versions/comparer?de=x&a=3`);
		expect(bad.status).toBe(200);
		expect(bad.text).toContain('Choisissez deux versions à comparer');
		expect((await html(referent, `/retours/${reportId}/versions/99`)).status).toBe(404);
		expect((await html(referent, `/retours/${reportId}/versions/abc`)).status).toBe(404);
	}, 60_000);

	it('shows readers the published versions only, never the draft', async () => {
		// a draft: nothing for another commune, not even the versions page
		expect((await html(mons, `/retours/${reportId}/versions`)).status).toBe(404);
		expect((await referent.action(`/retours/${reportId}?/publish`, {})).status).toBe(200);
		await write(agent, reportId, appendStory(' Nous le recommandons.'), 'recommandons');
		expect((await referent.action(`/retours/${reportId}?/publish`, {})).status).toBe(200);

		const list = await html(mons, `/retours/${reportId}/versions`);
		expect(list.status).toBe(200);
		expect(list.text).toContain('Publication 2');
		expect(list.text).toContain('Mis à jour le');
		expect(list.text).toContain('Publié le');
		expect(list.text).not.toContain('Versions du brouillon');
		expect(list.text).not.toContain('Qui a écrit quoi');
		for (const path of ['versions/1', 'versions/comparer?de=1&a=p2', 'versions/comparer?de=p1&a=3'])
			expect((await html(mons, `/retours/${reportId}/${path}`)).status).toBe(404);

		const p1 = await html(mons, `/retours/${reportId}/versions/p1`);
		expect(p1.status).toBe(200);
		expect(p1.text).toContain('remarquable.');
		expect(p1.text).not.toContain('recommandons');
		const diff = await html(mons, `/retours/${reportId}/versions/comparer?de=p1&a=p2`);
		expect(diff.status).toBe(200);
		expect(plain(diff.text)).toContain('remarquable. ajouté : Nous le recommandons.');

		// the reader page links the history and the previous publication
		const reader = await html(mons, `/retours/${reportId}`);
		expect(reader.text).toContain('Historique des versions');
		expect(reader.text).toContain('Versions publiées précédentes');
		expect(reader.text).toContain(`/retours/${reportId}/versions/p1`);
	}, 60_000);
});

describe('report visibility', () => {
	it('keeps members-only reports from visitors, and shows public ones anonymised', async () => {
		const closed = await html(visitor, `/retours/${reportId}`);
		expect(closed.status).toBe(303);
		expect(closed.location).toContain('/login');

		// a bad choice changes nothing
		const wrong = await referent.action(`/retours/${reportId}?/publish`, { visibility: 'tous' });
		expect(wrong.status).toBe(400);
		expect(wrong.body.data).toContain('Choisissez qui peut lire ce retour.');
		expect((await html(visitor, `/retours/${reportId}`)).status).toBe(303);

		expect(
			(await referent.action(`/retours/${reportId}?/publish`, { visibility: 'public' })).status
		).toBe(200);
		const open = await html(visitor, `/retours/${reportId}`);
		expect(open.status).toBe(200);
		expect(open.text).toContain('une commune de la province de Hainaut');
		expect(open.text).not.toContain('/annuaire/charleroi');
		// nor in the page's data, nor the authors' names
		expect(open.text).not.toContain('communeName:"Charleroi"');
		expect(open.text).not.toContain('communeSlug:"charleroi"');
		for (const email of ['referent@charleroi.demo', 'agent@charleroi.demo']) {
			const { name } = db.sqlite
				.prepare('select name from users where id = ?')
				.get(db.userId(email)) as { name: string };
			expect(open.text).not.toContain(name);
		}
		expect(open.text).toContain('Nous le recommandons.');
		// the history stays for members
		expect(open.text).not.toContain('Historique des versions');
		expect((await html(visitor, `/retours/${reportId}/versions`)).status).toBe(303);
		expect((await html(visitor, `/retours/${reportId}/versions/p1`)).status).toBe(303);
		// members still see the commune's name
		const member = (await html(mons, `/retours/${reportId}`)).text;
		expect(member).toContain('/annuaire/charleroi');
		expect(member).toContain('communeName:"Charleroi"');

		await referent.action(`/retours/${reportId}?/publish`, { visibility: 'public', named: '1' });
		const named = await html(visitor, `/retours/${reportId}`);
		expect(named.text).toContain('/annuaire/charleroi');
		expect(named.text).not.toContain("une commune de l'arrondissement");
	}, 60_000);
});

describe('buyer reply', () => {
	const replies = () =>
		db.sqlite.prepare('select * from report_replies where report_id = ?').all(reportId) as {
			body: string;
			contract_id: number | null;
		}[];

	it('is for buyers only, validated in French, and reaches the authors', async () => {
		for (const who of [agent, mons]) {
			const refused = await who.action(`/retours/${reportId}?/reply`, { body: 'Réponse.' });
			expect(refused.status).toBe(403);
		}
		const empty = await buyer.action(`/retours/${reportId}?/reply`, { body: '   ' });
		expect(empty.status).toBe(400);
		expect(empty.body.data).toContain('Écrivez la réponse de la centrale.');
		const long = await buyer.action(`/retours/${reportId}?/reply`, { body: 'x'.repeat(5001) });
		expect(long.status).toBe(400);
		expect(long.body.data).toContain('ne peut pas dépasser 5000 caractères');
		const foreign = db.sqlite
			.prepare(`select id from contracts where centrale_id != ? limit 1`)
			.get(db.organisationId('idea')) as { id: number };
		const wrongContract = await buyer.action(`/retours/${reportId}?/reply`, {
			body: 'Le fournisseur corrige.',
			contractId: String(foreign.id)
		});
		expect(wrongContract.status).toBe(400);
		expect(wrongContract.body.data).toContain('Choisissez un marché de votre centrale.');
		expect(wrongContract.body.data).toContain('Le fournisseur corrige.');
		expect(replies()).toHaveLength(0);

		const own = db.sqlite
			.prepare('select id, title from contracts where centrale_id = ? limit 1')
			.get(db.organisationId('idea')) as { id: number; title: string };
		const done = await buyer.action(`/retours/${reportId}?/reply`, {
			body: 'Le fournisseur a corrigé la synchronisation.\n\nLa relance en tient compte.',
			contractId: String(own.id)
		});
		expect(done.status).toBe(200);
		expect(replies()).toEqual([
			expect.objectContaining({
				body: 'Le fournisseur a corrigé la synchronisation.\n\nLa relance en tient compte.',
				contract_id: own.id
			})
		]);
		const notified = db.sqlite
			.prepare('select user_id, link from notifications where kind = ? order by user_id')
			.all('announcement.report-reply') as { user_id: number; link: string }[];
		expect(notified.map((n) => n.user_id).sort()).toEqual(
			[db.userId('referent@charleroi.demo'), db.userId('agent@charleroi.demo')].sort()
		);
		expect(notified[0].link).toBe(`/retours/${reportId}#reponses`);

		// everyone who reads the report sees it; the public without the buyer's name
		const buyerName = (
			db.sqlite
				.prepare('select name from users where id = ?')
				.get(db.userId('acheteur@idea.demo')) as {
				name: string;
			}
		).name;
		const member = (await html(mons, `/retours/${reportId}`)).text;
		expect(member).toContain('Le fournisseur a corrigé la synchronisation.');
		expect(member).toContain(buyerName);
		expect(member).toContain(own.title);
		const pub = (await html(visitor, `/retours/${reportId}`)).text;
		expect(pub).toContain('Le fournisseur a corrigé la synchronisation.');
		expect(pub).not.toContain(buyerName);

		// a second reply of the same centrale updates it
		await buyer.action(`/retours/${reportId}?/reply`, { body: 'Réponse revue.' });
		expect(replies()).toEqual([
			expect.objectContaining({ body: 'Réponse revue.', contract_id: null })
		]);
	}, 60_000);
});
