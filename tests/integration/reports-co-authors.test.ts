/**
 * Co-authors of a report against the real server: the commune invites a person of another
 * commune, who then reads and writes the draft through the hub; a co-author does not invite nor
 * publish; bad addresses are refused in French with nothing stored; a removed co-author loses the
 * draft, and their open editor's next change is dropped, not stored.
 */
import { splice, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAutomerge, type AutomergeClient } from '../support/automerge-client';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { eventually } from '../support/yjs-client';

type Doc = { story: string; lessons: string };

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

const status = async (client: Client, path: string) => (await client.get(path)).status;
const coAuthorIds = (reportId: number) =>
	(
		db.sqlite.prepare('select user_id from report_authors where report_id = ?').all(reportId) as {
			user_id: number;
		}[]
	).map((r) => r.user_id);
const excerpt = (reportId: number) =>
	(
		db.sqlite.prepare('select excerpt from reports where id = ?').get(reportId) as {
			excerpt: string;
		}
	).excerpt;

async function openDoc(cookie: string, reportId: number) {
	const row = db.sqlite.prepare('select automerge_id from reports where id = ?').get(reportId) as {
		automerge_id: string;
	};
	const client = await connectAutomerge(server.url, cookie);
	automerge.push(client);
	return client.repo.find<Doc>(`automerge:${row.automerge_id}` as AutomergeUrl);
}

describe('co-authors of a report', () => {
	it('invites a partner commune’s agent, who writes the draft, then removes them', async () => {
		const seneffe = await new Client(server.url).login('referent@seneffe.demo');
		const created = await seneffe.action('/retours/nouveau', {
			solutionName: 'Gestion des salles',
			supplierName: 'Salles SRL'
		});
		const reportId = Number(/\/retours\/(\d+)$/.exec(created.body.location ?? '')?.[1]);
		expect(reportId).toBeGreaterThan(0);
		const path = `/retours/${reportId}/auteurs`;
		const partner = await new Client(server.url).login('agent@charleroi.demo');
		const partnerId = db.userId('agent@charleroi.demo');

		// not invited yet: the draft does not exist for them, nor its authors' page
		expect(await status(partner, `/retours/${reportId}`)).toBe(404);
		expect(await status(partner, path)).toBe(404);

		// bad addresses: a French reason, what was typed kept, nothing stored
		for (const [email, reason] of [
			['pas-une-adresse', 'adresse e-mail valide'],
			['personne@nulle-part.be', 'Aucun compte du portail'],
			['referent@seneffe.demo', 'écrivent déjà ce retour'],
			['admin@centrale.demo', 'administrateurs']
		]) {
			const refused = await seneffe.action(`${path}?/invite`, { email });
			expect(refused.status, email).toBe(400);
			expect(refused.body.data).toContain(reason);
			expect(refused.body.data).toContain(email);
		}
		expect(coAuthorIds(reportId)).toEqual([]);

		const invited = await seneffe.action(`${path}?/invite`, { email: ' Agent@Charleroi.demo ' });
		expect(invited.status).toBe(200);
		expect(coAuthorIds(reportId)).toEqual([partnerId]);
		const again = await seneffe.action(`${path}?/invite`, { email: 'agent@charleroi.demo' });
		expect(again.body.data).toContain('déjà co-auteur');
		// told in the inbox
		const notice = db.sqlite
			.prepare('select title, link from notifications where user_id = ? order by id desc limit 1')
			.get(partnerId) as { title: string; link: string };
		expect(notice.link).toBe(`/retours/${reportId}`);
		expect(notice.title).toContain('vous invite à co-écrire');

		// the co-author reads the draft and writes it through the hub
		expect(await status(partner, `/retours/${reportId}`)).toBe(200);
		expect(await (await partner.get(path)).text()).toContain('Co-auteurs invités');
		// the commune sees who writes by name, never by address
		const listed = await (await seneffe.get(path)).text();
		expect(listed).toContain(
			db.sqlite.prepare('select name from users where id = ?').pluck().get(partnerId) as string
		);
		expect(listed).not.toContain('agent@charleroi.demo');
		const handle = await openDoc(partner.cookieHeader, reportId);
		handle.change((d) => splice(d, ['story'], 0, d.story.length, 'Partagé avec Seneffe.'));
		await eventually(() => excerpt(reportId).includes('Partagé avec Seneffe'), 10_000, 'stored');

		// a co-author neither invites others nor publishes nor removes
		expect((await partner.action(`${path}?/invite`, { email: 'referent@mons.demo' })).status).toBe(
			403
		);
		expect((await partner.action(`/retours/${reportId}?/publish`, {})).status).toBe(403);
		expect((await partner.action(`${path}?/remove`, { userId: String(partnerId) })).status).toBe(
			403
		);
		expect(coAuthorIds(reportId)).toEqual([partnerId]);

		// removed: the draft is gone for them, and their open editor's next change is dropped
		const removed = await seneffe.action(`${path}?/remove`, { userId: String(partnerId) });
		expect(removed.status).toBe(200);
		expect(coAuthorIds(reportId)).toEqual([]);
		expect(await status(partner, `/retours/${reportId}`)).toBe(404);
		handle.change((d) => splice(d, ['lessons'], 0, 0, 'Écrit après le retrait.'));
		const own = await openDoc(seneffe.cookieHeader, reportId);
		own.change((d) => splice(d, ['story'], 0, 0, 'Repris par Seneffe. '));
		await eventually(() => excerpt(reportId).includes('Repris par Seneffe'), 10_000, 'stored');
		expect(excerpt(reportId)).not.toContain('Écrit après le retrait');
		const notAuthor = await seneffe.action(`${path}?/remove`, { userId: String(partnerId) });
		expect(notAuthor.status).toBe(400);
	});
});
