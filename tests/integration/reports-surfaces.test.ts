/**
 * Published experience reports where people look: /api/v1/reports, the contract page, the
 * commune's page and the buyer's relaunch, against the real server and its demo reports. Each
 * role gets only what it may read: never a draft, never what the authors wrote after publishing,
 * never an address, and to visitors only the public reports, anonymised as the commune chose.
 */
import { splice, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAutomerge, type AutomergeClient } from '../support/automerge-client';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { eventually } from '../support/yjs-client';

let server: TestServer;
let db: FixtureDb;
const automerge: AutomergeClient[] = [];

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
/** written through the hub into a published report's draft after publication */
const LATER_EDIT = 'Phrase ajoutée après publication, encore en brouillon';
/** in the demo's draft report (Seneffe) and in Charleroi's edits since its last publication */
const DRAFT_WORDS = ['phishing simulé', 'paiement en ligne des redevances'];

interface ApiReport {
	id: number;
	title: string;
	commune: { name: string; slug: string; url: string } | null;
	communeLabel: string;
	contract: { reference: string } | null;
	content: { story: string; ratings: Record<string, number | null>; pitfalls: string };
}
interface ApiPage {
	total: number;
	page: number;
	pageSize: number;
	pageCount: number;
	links: { self: string; next: string | null; prev: string | null };
	reports: ApiReport[];
}

/** the demo report of `commune` about contract `reference` */
function reportId(commune: string, reference: string): number {
	return (
		db.sqlite
			.prepare(
				`select r.id from reports r join contracts c on c.id = r.contract_id
				 join organisations o on o.id = r.organisation_id where o.slug = ? and c.reference = ?`
			)
			.get(commune, reference) as { id: number }
	).id;
}

const ids = () => ({
	charleroiGuichet: reportId('charleroi', 'IGR-2025-EGU-01'),
	monsGuichet: reportId('mons', 'IGR-2025-EGU-01'),
	monsTelephony: reportId('mons', 'IDETA-2022-TEL-01'),
	charleroiAudit: reportId('charleroi', 'IDEA-2025-CYB-02'),
	seneffeTraining: reportId('seneffe', 'PROV-2025-FOR-01'),
	seneffeDraft: reportId('seneffe', 'IDEA-2025-CYB-02')
});

beforeAll(async () => {
	server = await startServer();
	db = new FixtureDb(server.dataDir);
	// Charleroi's referent keeps editing its published audit report: the draft moves on, readers
	// must keep being served the published version
	const referent = await new Client(server.url).login('referent@charleroi.demo');
	const id = ids().charleroiAudit;
	const { automerge_id } = db.sqlite
		.prepare('select automerge_id from reports where id = ?')
		.get(id) as { automerge_id: string };
	const client = await connectAutomerge(server.url, referent.cookieHeader);
	automerge.push(client);
	const handle = await client.repo.find<{ story: string; ratings: Record<string, number> }>(
		`automerge:${automerge_id}` as AutomergeUrl
	);
	handle.change((d) => {
		splice(d, ['story'], 0, 0, `${LATER_EDIT}. `);
		d.ratings.fit = 1;
	});
	await eventually(
		() =>
			(
				db.sqlite.prepare('select excerpt from reports where id = ?').get(id) as {
					excerpt: string;
				}
			).excerpt.includes(LATER_EDIT),
		10_000,
		'later edit stored and projected'
	);
}, 60_000);

afterAll(async () => {
	for (const c of automerge) await c.close().catch(() => {});
	db?.close();
	await server?.stop();
});

async function as(email: string | null) {
	const client = new Client(server.url);
	return email ? client.login(email) : client;
}

const MEMBERS = [
	'agent@tournai.demo',
	'referent@mons.demo',
	'referent@seneffe.demo',
	'acheteur@igretec.demo',
	'admin@centrale.demo'
];

/** nothing private in `text`; a page carries only its own viewer's address (`own`) */
function neverPrivate(text: string, own?: string) {
	expect(own ? text.replaceAll(own, '') : text).not.toMatch(EMAIL);
	expect(text).not.toContain(LATER_EDIT);
	for (const words of DRAFT_WORDS) expect(text).not.toContain(words);
}

describe('GET /api/v1/reports', () => {
	it('gives visitors the public reports only, anonymised as the commune chose', async () => {
		const res = await (await as(null)).get('/api/v1/reports');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toContain('public');
		const text = await res.text();
		neverPrivate(text);
		const body = JSON.parse(text) as ApiPage;
		const r = ids();
		expect(body.reports.map((x) => x.id).sort()).toEqual(
			[r.charleroiGuichet, r.monsGuichet, r.seneffeTraining].sort()
		);
		expect(body.total).toBe(3);
		const anonymous = body.reports.find((x) => x.id === r.monsGuichet)!;
		expect(anonymous.commune).toBeNull();
		// where it is, not who: the arrondissement named after Mons would point at it
		expect(anonymous.communeLabel).toBe('Une commune de la province de Hainaut');
		expect(JSON.stringify(anonymous)).not.toMatch(/mons/i);
		const named = body.reports.find((x) => x.id === r.charleroiGuichet)!;
		expect(named.commune?.slug).toBe('charleroi');
		// the newest publication: republished with support rated 4 (first published with 3)
		expect(named.content.ratings.support).toBe(4);
		expect(named.content.story).toContain('38 %');
	});

	it.each(MEMBERS)(
		'gives %s every published report, never a draft or later edit',
		async (email) => {
			const client = await as(email);
			const res = await client.get('/api/v1/reports');
			expect(res.status).toBe(200);
			expect(res.headers.get('cache-control')).toContain('private');
			const text = await res.text();
			neverPrivate(text);
			const body = JSON.parse(text) as ApiPage;
			const r = ids();
			expect(body.reports.map((x) => x.id).sort()).toEqual(
				[
					r.charleroiGuichet,
					r.monsGuichet,
					r.monsTelephony,
					r.charleroiAudit,
					r.seneffeTraining
				].sort()
			);
			expect(body.reports.every((x) => x.commune !== null)).toBe(true);
			// the audit's published rating, not the draft's 1
			const audit = body.reports.find((x) => x.id === r.charleroiAudit)!;
			expect(audit.content.ratings.fit).toBe(5);
			// one report: the same answer; a draft is nobody's here, not even its authors'
			const one = await client.get(`/api/v1/reports/${r.charleroiAudit}`);
			expect(one.status).toBe(200);
			const oneText = await one.text();
			neverPrivate(oneText);
			expect((JSON.parse(oneText) as ApiReport).content.ratings.fit).toBe(5);
			expect((await client.get(`/api/v1/reports/${r.seneffeDraft}`)).status).toBe(404);
		}
	);

	it('answers 404 to a visitor asking for a members-only report, or a draft', async () => {
		const visitor = await as(null);
		const r = ids();
		expect((await visitor.get(`/api/v1/reports/${r.monsTelephony}`)).status).toBe(404);
		expect((await visitor.get(`/api/v1/reports/${r.seneffeDraft}`)).status).toBe(404);
		expect((await visitor.get('/api/v1/reports/abc')).status).toBe(404);
		const anonymous = await visitor.get(`/api/v1/reports/${r.monsGuichet}`);
		expect(anonymous.status).toBe(200);
		expect(await anonymous.text()).not.toMatch(/mons/i);
	});

	it('filters by contract and commune; a visitor filtering by commune never unmasks it', async () => {
		const get = async (client: Client, query: string) =>
			(await (await client.get(`/api/v1/reports?${query}`)).json()) as ApiPage;
		const visitor = await as(null);
		const member = await as('agent@tournai.demo');
		expect((await get(visitor, 'marche=IGR-2025-EGU-01')).total).toBe(2);
		expect((await get(visitor, 'commune=mons')).total).toBe(0);
		expect((await get(member, 'commune=mons')).total).toBe(2);
		expect((await get(visitor, 'commune=charleroi')).reports.map((x) => x.title)).toEqual([
			'Guichet citoyen en ligne et formulaires électroniques'
		]);
		expect((await get(member, 'commune=mons&marche=IDETA-2022-TEL-01')).total).toBe(1);
		expect((await get(member, 'marche=INCONNU-1')).total).toBe(0);
		const first = await get(member, 'pageSize=2');
		expect(first.reports).toHaveLength(2);
		expect(first.pageCount).toBe(3);
		expect(first.links.next).toContain('page=2');
		const last = await get(member, 'pageSize=2&page=3');
		expect(last.reports).toHaveLength(1);
	});

	it('refuses an unknown parameter in French, naming the valid ones', async () => {
		const res = await (await as(null)).get('/api/v1/reports?contract=IGR-2025-EGU-01');
		expect(res.status).toBe(400);
		const body = (await res.json()) as { message: string; parameters: string[] };
		expect(body.message).toContain('Paramètre inconnu : « contract »');
		expect(body.message).toContain('Vouliez-vous dire « marche » ?');
		expect(body.parameters).toEqual(['marche', 'commune', 'page', 'pageSize']);
		expect((await (await as(null)).get('/api/v1/reports?pageSize=0')).status).toBe(400);
	});

	it('is declared in the OpenAPI document', async () => {
		const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
			paths: Record<string, { get: { parameters?: { name: string }[] } }>;
		};
		expect(doc.paths['/api/v1/reports'].get.parameters!.map((p) => p.name)).toEqual([
			'marche',
			'commune',
			'page',
			'pageSize'
		]);
		expect(doc.paths['/api/v1/reports/{id}']).toBeDefined();
	});
});

const html = async (client: Client, path: string) => {
	const res = await client.get(path);
	expect(res.status, path).toBe(200);
	return res.text();
};

/** the page's « Retours d'expérience » section, up to the next one */
const section = (page: string, heading: string) => {
	const start = page.indexOf(heading);
	expect(start, heading).toBeGreaterThan(-1);
	const end = page.indexOf('<section', start);
	return page.slice(start, end === -1 ? undefined : end);
};

describe('the contract page', () => {
	it('shows visitors the public reports: count, averages, recommendations, anonymity', async () => {
		const page = await html(await as(null), '/catalogue/IGR-2025-EGU-01');
		const part = section(page, 'id="reports"');
		neverPrivate(page);
		expect(part).toContain('2 retours publiés');
		expect(part).toContain('recommandé par 2 sur 2');
		// fit: Charleroi 5, Mons 4
		expect(part).toMatch(/Adéquation au besoin<\/th>((?!<\/tr>).)*4,5 \/ 5/s);
		expect(part).toContain('Une commune de la province de Hainaut');
		expect(part).toContain('Charleroi');
		expect(part).not.toContain('Mons');
		expect(part).not.toContain('Écrire un retour');
		expect(part).not.toContain('Tous les retours sur ce marché');
		// members-only reports stay members'
		const telephony = section(
			await html(await as(null), '/catalogue/IDETA-2022-TEL-01'),
			'id="reports"'
		);
		expect(telephony).toContain('Aucun retour');
	});

	it('names the communes to members, and offers to write one to a commune that adhered', async () => {
		const contractId = (
			db.sqlite.prepare("select id from contracts where reference = 'IGR-2025-EGU-01'").get() as {
				id: number;
			}
		).id;
		const charleroi = await as('referent@charleroi.demo');
		const page = await html(charleroi, '/catalogue/IGR-2025-EGU-01');
		neverPrivate(page, 'referent@charleroi.demo');
		const part = section(page, 'id="reports"');
		expect(part).toContain('Mons');
		expect(part).not.toContain('Une commune de la province de Hainaut');
		expect(part).toContain(`href="/retours/nouveau?marche=${contractId}"`);
		// the form opens on that contract
		const form = await html(charleroi, `/retours/nouveau?marche=${contractId}`);
		expect(form).toMatch(new RegExp(`<option value="${contractId}"[^>]*selected`));
		// Tournai did not adhere; a buyer writes no report
		for (const email of ['agent@tournai.demo', 'acheteur@igretec.demo']) {
			const other = section(
				await html(await as(email), '/catalogue/IGR-2025-EGU-01'),
				'id="reports"'
			);
			expect(other).toContain('2 retours publiés');
			expect(other).not.toContain('Écrire un retour');
		}
		const telephony = section(
			await html(await as('agent@tournai.demo'), '/catalogue/IDETA-2022-TEL-01'),
			'id="reports"'
		);
		expect(telephony).toContain('1 retour publié');
		expect(telephony).toContain('recommandé par 0 sur 1');
	});
});

describe("the commune's page", () => {
	it('lists its published reports, to visitors only those signed with its name', async () => {
		const visitorMons = section(await html(await as(null), '/annuaire/mons'), 'id="reports"');
		expect(visitorMons).toContain("Ses retours d'expérience (0)");
		const visitorCharleroi = section(
			await html(await as(null), '/annuaire/charleroi'),
			'id="reports"'
		);
		expect(visitorCharleroi).toContain("Ses retours d'expérience (1)");
		expect(visitorCharleroi).toContain('Guichet citoyen en ligne');
		expect(visitorCharleroi).not.toContain('Audit de cybersécurité');
		const member = await as('referent@seneffe.demo');
		const mons = await html(member, '/annuaire/mons');
		neverPrivate(mons, 'referent@seneffe.demo');
		const part = section(mons, 'id="reports"');
		expect(part).toContain("Ses retours d'expérience (2)");
		expect(part).toContain('Téléphonie IP et mobile');
		// Seneffe's own draft is not on its public page, even to its own people
		const seneffe = section(await html(member, '/annuaire/seneffe'), 'id="reports"');
		expect(seneffe).toContain("Ses retours d'expérience (1)");
		expect(seneffe).not.toContain('Audit de cybersécurité');
	});
});

describe("the buyer's relaunch", () => {
	it('lists the reports on the predecessor with ratings and pitfalls', async () => {
		const buyer = await as('acheteur@ideta.demo');
		const page = await html(buyer, '/gestion/marches/IDETA-2026-TEL-02');
		neverPrivate(page, 'acheteur@ideta.demo');
		const part = section(page, 'id="relaunch-reports"');
		expect(part).toContain("Retours d'expérience sur le marché précédent");
		expect(part).toContain('IDETA-2022-TEL-01');
		expect(part).toContain('Mons');
		expect(part).toContain('lot 1 : Téléphonie fixe hébergée');
		expect(part).toContain('Pièges à éviter');
		expect(part).toContain('délai de portage des numéros');
		expect(part).toContain('Soutien du fournisseur : <strong>2 / 5</strong>');
	});

	it("shows a relaunchable contract's own reports before the relaunch, never a draft", async () => {
		const buyer = await as('acheteur@idea.demo');
		const page = await html(buyer, '/gestion/marches/IDEA-2025-CYB-02');
		neverPrivate(page, 'acheteur@idea.demo');
		const part = section(page, 'id="relaunch-reports"');
		expect(part).toContain("Retours d'expérience à prendre en compte dans la relance");
		expect(part).toContain('Charleroi');
		expect(part).not.toContain('Seneffe');
	});
});

describe('the demo reports', () => {
	it('open on their page: readers the published version, authors their draft too', async () => {
		const id = ids().charleroiGuichet;
		const reader = await html(await as('referent@mons.demo'), `/retours/${id}`);
		expect(reader).toContain('38 %');
		expect(reader).toContain('mis à jour le');
		neverPrivate(reader, 'referent@mons.demo');
		const author = await html(await as('agent@charleroi.demo'), `/retours/${id}`);
		expect(author).toContain('paiement en ligne des redevances');
		// two people wrote it, each through their own Automerge actor, over several days
		const actors = db.sqlite
			.prepare('select count(distinct user_id) as n from report_actors where report_id = ?')
			.get(id) as { n: number };
		expect(actors.n).toBe(2);
		const changes = db.sqlite
			.prepare(
				`select count(*) as n, count(distinct date(at / 1000, 'unixepoch')) as days
				 from document_updates where doc_name = ?`
			)
			.get(`report:${id}`) as { n: number; days: number };
		expect(changes.n).toBeGreaterThanOrEqual(30);
		expect(changes.days).toBeGreaterThanOrEqual(4);
	});
});
