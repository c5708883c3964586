import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { ROOT, startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

// the OCDS 1.1.5 schemas are vendored with their licence under tests/fixtures
const SCHEMAS = path.join(ROOT, 'tests', 'fixtures', 'ocds-1.1.5');

describe('public catalogue', () => {
	it('finds "Audit de cybersécurité" when searching « securite », without accents or case', async () => {
		const res = await fetch(`${server.url}/catalogue?q=SECURITE`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Audit de cybersécurité et sensibilisation du personnel');
		// ended contracts are hidden by default, one click away
		expect(html).not.toContain('Audit de sécurité des sites web communaux');
		const all = await (await fetch(`${server.url}/catalogue?q=securite&termines=1`)).text();
		expect(all).toContain('Audit de sécurité des sites web communaux');
	});

	it('finds contracts by a supplier name and by a price item label', async () => {
		const bySupplier = await fetch(`${server.url}/api/v1/contracts?q=Cyberdéfense`);
		const refs = ((await bySupplier.json()) as { data: { reference: string }[] }).data.map(
			(c) => c.reference
		);
		expect(refs).toContain('IDEA-2025-CYB-02');
		const byItem = await fetch(`${server.url}/api/v1/contracts?q=intrusion`);
		expect(((await byItem.json()) as { data: { reference: string }[] }).data[0].reference).toBe(
			'IDEA-2025-CYB-02'
		);
	});

	it('filters the API like the facets and paginates with links', async () => {
		const res = await fetch(
			`${server.url}/api/v1/contracts?thematique=cybersecurite&statut=active&par_page=1`
		);
		const body = (await res.json()) as {
			data: { reference: string; status: string }[];
			total: number;
			links: { next: string | null };
		};
		expect(body.total).toBe(1);
		expect(body.data[0].reference).toBe('IDEA-2025-CYB-02');
		const page1 = (await (await fetch(`${server.url}/api/v1/contracts?par_page=5`)).json()) as {
			data: unknown[];
			total: number;
			links: { next: string };
		};
		expect(page1.data).toHaveLength(5);
		expect(page1.total).toBeGreaterThan(5);
		const page2 = (await (await fetch(page1.links.next)).json()) as { page: number };
		expect(page2.page).toBe(2);
	});

	it('serves one contract as JSON without prices', async () => {
		const res = await fetch(`${server.url}/api/v1/contracts/IDEA-2025-CYB-02`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { lots: { supplier: { name: string } }[] };
		expect(body.lots[0].supplier.name).toBe('Exemple Cyberdéfense SRL');
		expect(JSON.stringify(body)).not.toContain('unitPrice');
		expect((await fetch(`${server.url}/api/v1/contracts/999999`)).status).toBe(404);
	});

	it('shows prices and members-only documents to members only', async () => {
		const anonymous = await (await fetch(`${server.url}/catalogue/IDEA-2025-CYB-02`)).text();
		expect(anonymous).not.toContain('Audit CyberFundamentals — niveau Basic');
		expect(anonymous).toContain('réservés aux pouvoirs locaux membres');
		const agent = await new Client(server.url).login('agent@charleroi.demo');
		const member = await (await agent.get('/catalogue/IDEA-2025-CYB-02')).text();
		expect(member).toContain('Audit CyberFundamentals — niveau Basic');
		const docs = [...member.matchAll(/\/catalogue\/IDEA-2025-CYB-02\/documents\/(\d+)/g)].map(
			(m) => m[1]
		);
		expect(new Set(docs).size).toBe(2);
		const privateDoc = Math.max(...docs.map(Number));
		const asMember = await agent.get(`/catalogue/IDEA-2025-CYB-02/documents/${privateDoc}`);
		expect(asMember.status).toBe(200);
		expect(asMember.headers.get('content-type')).toBe('application/pdf');
		expect(asMember.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"/);
		expect(
			Buffer.from(await asMember.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
		const tournai = await new Client(server.url).login('agent@tournai.demo');
		expect((await tournai.get(`/catalogue/IDEA-2025-CYB-02/documents/${privateDoc}`)).status).toBe(
			404
		);
		expect(
			(await fetch(`${server.url}/catalogue/IDEA-2025-CYB-02/documents/${privateDoc}`)).status
		).toBe(404);
	});

	it('streams an OCDS 1.1.5 release package valid against the schema', async () => {
		const ajv = new Ajv({ allErrors: true, strict: false });
		addFormats(ajv);
		ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'release-schema.json'), 'utf8')));
		const validate = ajv.compile(
			JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'release-package-schema.json'), 'utf8'))
		);
		const res = await fetch(`${server.url}/api/v1/ocds/release-package.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(res.headers.get('content-length')).toBeNull(); // streamed, not buffered
		const body = (await res.json()) as {
			releases: {
				ocid: string;
				tender: { techniques?: { hasFrameworkAgreement?: boolean }; lots?: unknown[] };
				awards?: { suppliers: { name: string }[] }[];
				contracts?: { period?: { maxExtentDate?: string } }[];
				relatedProcesses?: { relationship: string[] }[];
			}[];
		};
		const valid = validate(body);
		expect(validate.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
		expect(body.releases.length).toBeGreaterThanOrEqual(25);
		const cyber = body.releases.find((r) => r.ocid.endsWith('IDEA-2025-CYB-02'))!;
		expect(cyber.tender.techniques?.hasFrameworkAgreement).toBe(true);
		expect(cyber.tender.lots).toHaveLength(2);
		expect(cyber.awards?.map((a) => a.suppliers[0].name)).toContain('Exemple Cyberdéfense SRL');
		expect(cyber.contracts?.[0].period?.maxExtentDate).toBeTruthy();
		const relaunch = body.releases.find((r) => r.ocid.endsWith('IDETA-2026-TEL-02'))!;
		expect(relaunch.relatedProcesses?.[0].relationship).toEqual(['prior']);
	});
});
