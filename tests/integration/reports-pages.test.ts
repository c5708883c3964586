/**
 * « Retours d'expérience » against the real server: a commune starts a report about a contract it
 * adhered to (or a solution bought elsewhere), writes it through the hub, publishes it; other
 * members read the published version only, and republishing says « mis à jour le ».
 */
import { splice, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAutomerge, type AutomergeClient } from '../support/automerge-client';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { eventually } from '../support/yjs-client';

type Doc = { story: string; ratings: Record<string, number | null> };

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
	return { status: res.status, text: await res.text() };
};

function contracts() {
	const seneffe = db.organisationId('seneffe');
	const adhered = db.sqlite
		.prepare(
			`select c.id, c.title from contracts c join adhesions a on a.contract_id = c.id
			 where a.organisation_id = ? and a.withdrawn_at is null limit 1`
		)
		.get(seneffe) as { id: number; title: string };
	const foreign = db.sqlite
		.prepare(
			`select id from contracts where id not in
			 (select contract_id from adhesions where organisation_id = ?) limit 1`
		)
		.get(seneffe) as { id: number };
	return { adhered, foreign };
}

async function write(cookie: string, reportId: number, text: string) {
	const row = db.sqlite.prepare('select automerge_id from reports where id = ?').get(reportId) as {
		automerge_id: string;
	};
	const client = await connectAutomerge(server.url, cookie);
	automerge.push(client);
	const handle = await client.repo.find<Doc>(`automerge:${row.automerge_id}` as AutomergeUrl);
	handle.change((d) => {
		splice(d, ['story'], 0, d.story.length, text);
		d.ratings.support = 4;
	});
	// stored before the hub relays it: the draft's projection shows it once stored
	await eventually(
		() =>
			(
				db.sqlite.prepare('select excerpt from reports where id = ?').get(reportId) as {
					excerpt: string;
				}
			).excerpt.includes(text.slice(0, 20)),
		10_000,
		'change stored'
	);
}

describe('experience reports pages', () => {
	it('validates the form in French and keeps what was typed', async () => {
		const referent = await new Client(server.url).login('referent@seneffe.demo');
		const path = '/retours/nouveau';
		expect((await html(referent, path)).status).toBe(200);
		const empty = await referent.action(path, { solutionName: 'Cimetix' });
		expect(empty.status).toBe(400);
		expect(empty.body.data).toContain('Indiquez le fournisseur');
		expect(empty.body.data).toContain('Cimetix');
		// a contract the commune did not adhere to is only « acquise ailleurs »
		const foreign = await referent.action(path, { contractId: String(contracts().foreign.id) });
		expect(foreign.status).toBe(400);
		expect(foreign.body.data).toContain("n'a pas adhéré");
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		expect((await html(buyer, path)).status).toBe(403);
	});

	it('starts, writes, publishes and republishes; readers see the published version', async () => {
		const { adhered } = contracts();
		const referent = await new Client(server.url).login('referent@seneffe.demo');
		const created = await referent.action('/retours/nouveau', { contractId: String(adhered.id) });
		expect(created.body.type).toBe('redirect');
		const reportId = Number(/\/retours\/(\d+)$/.exec(created.body.location ?? '')?.[1]);
		expect(reportId).toBeGreaterThan(0);

		// a draft: its commune lists it, another commune does not even see it exists
		const mons = await new Client(server.url).login('referent@mons.demo');
		expect((await html(referent, '/retours')).text).toContain('Brouillons de votre commune');
		expect((await html(mons, `/retours/${reportId}`)).status).toBe(404);
		expect((await html(mons, '/retours')).text).not.toContain(`/retours/${reportId}"`);

		// nothing written yet: nothing to publish
		const early = await referent.action(`/retours/${reportId}?/publish`, {});
		expect(early.status).toBe(400);
		expect(early.body.data).toContain('Écrivez au moins');
		// only the commune's people publish
		expect((await mons.action(`/retours/${reportId}?/publish`, {})).status).toBe(403);

		await write(referent.cookieHeader, reportId, 'Le déploiement a pris trois mois sans heurts.');
		expect((await referent.action(`/retours/${reportId}?/publish`, {})).status).toBe(200);
		const read = await html(mons, `/retours/${reportId}`);
		expect(read.status).toBe(200);
		expect(read.text).toContain('Le déploiement a pris trois mois sans heurts.');
		expect(read.text).toContain('4 / 5');
		expect(read.text).not.toContain('mis à jour le');
		const list = await html(mons, `/retours?marche=${adhered.id}`);
		expect(list.text).toContain(`/retours/${reportId}`);
		expect(list.text).toContain('Le déploiement a pris trois mois');

		// authors keep writing: readers still see the published text until republished
		await write(referent.cookieHeader, reportId, 'Version revue : le support a été remarquable.');
		expect((await html(mons, `/retours/${reportId}`)).text).toContain(
			'Le déploiement a pris trois mois sans heurts.'
		);
		await new Promise((r) => setTimeout(r, 5));
		expect((await referent.action(`/retours/${reportId}?/publish`, {})).status).toBe(200);
		const again = (await html(mons, `/retours/${reportId}`)).text;
		expect(again).toContain('Version revue : le support a été remarquable.');
		expect(again).toContain('mis à jour le');
		const publications = db.sqlite
			.prepare('select heads from report_publications where report_id = ? order by id')
			.all(reportId) as { heads: string }[];
		expect(publications).toHaveLength(2);
		expect(publications[0].heads).not.toBe(publications[1].heads);
	});

	it('starts a report about a solution bought elsewhere', async () => {
		const agent = await new Client(server.url).login('referent@seneffe.demo');
		const created = await agent.action('/retours/nouveau', {
			solutionName: 'Gestion des salles',
			supplierName: 'Salles SRL'
		});
		expect(created.body.type).toBe('redirect');
		const page = await html(agent, created.body.location ?? '');
		expect(page.text).toContain('Gestion des salles');
		expect(page.text).toContain('Salles SRL');
	});
});
