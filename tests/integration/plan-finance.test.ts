/**
 * What the commune's finance director needs from the plan, on the real server: the budget service
 * they chose for an item (recorded by the referent, read by the fiche budgétaire, the export and
 * the buyers' aggregate); the signed PDF of a recorded decision, checked like every upload and
 * read by the commune and, for an adhesion deliberation, by the centrale concerned; the plan as
 * an Excel workbook, read back with the library that wrote it.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
const TODAY = Date.parse('2026-12-07T10:00:00Z');
beforeAll(async () => {
	server = await startServer({ env: { CLOCK_OFFSET_MS: String(TODAY - Date.now()) } });
});
afterAll(async () => {
	await server?.stop();
});

const as = (email: string) => new Client(server.url).login(email);
const CONTRACT = 'IGR-2025-EGU-01';

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(path.join(server.dataDir, 'centrale.sqlite'), { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** Charleroi's intention on the contract's lot 2, and its first item (suggested: ordinaire) */
function charleroiItem() {
	return query<{
		intentionId: number;
		priceItemId: number;
		label: string;
		suggested: string;
	}>(
		`select i.id as intentionId, p.id as priceItemId, p.label, p.budget_nature as suggested
		 from purchase_intentions i
		 join organisations o on o.id = i.organisation_id
		 join contracts c on c.id = i.contract_id
		 join lots l on l.id = i.lot_id
		 join purchase_intention_items ii on ii.intention_id = i.id
		 join price_items p on p.id = ii.price_item_id
		 where o.slug = 'charleroi' and c.reference = ? and l.number = 2 and p.budget_nature = 'ordinaire'
		 order by p.id limit 1`,
		CONTRACT
	)[0];
}
const override = (intentionId: number, priceItemId: number) =>
	query<{ nature: string | null; by: string | null; at: number | null }>(
		`select nature_override as nature, u.email as by, nature_chosen_at as at
		 from purchase_intention_items ii left join users u on u.id = ii.nature_chosen_by
		 where intention_id = ? and price_item_id = ?`,
		intentionId,
		priceItemId
	)[0];

describe('the finance director’s choice of budget service', () => {
	it('is recorded by the referent, with who and when, and read by the fiche, the export and the aggregate', async () => {
		const item = charleroiItem();
		expect(item).toBeDefined();
		const referent = await as('referent@charleroi.demo');
		const buyer = await as('acheteur@igretec.demo');
		const before = await (await referent.get('/plan-achats')).text();
		expect(before).toContain('suggéré : service ordinaire');
		const csvBefore = await (await referent.get('/plan-achats/plan.csv')).text();
		const ficheBefore = await (
			await referent.get(`/plan-achats/${item.intentionId}/fiche-budgetaire`)
		).text();
		expect(ficheBefore).not.toContain('Service extraordinaire');
		const aggregateBefore = await (await buyer.get(`/gestion/marches/${CONTRACT}/plans`)).text();

		const chosen = await referent.action('/plan-achats?/nature', {
			intentionId: String(item.intentionId),
			priceItemId: String(item.priceItemId),
			nature: 'extraordinaire'
		});
		expect(chosen.body.type).toBe('redirect');
		expect(override(item.intentionId, item.priceItemId)).toEqual({
			nature: 'extraordinaire',
			by: 'referent@charleroi.demo',
			at: expect.any(Number)
		});

		const after = await (await referent.get('/plan-achats')).text();
		expect(after).toContain('Le directeur financier a choisi : <strong>service extraordinaire');
		expect(after).toMatch(/enregistré par [^<]+ le 7 décembre 2026/);
		const fiche = await (
			await referent.get(`/plan-achats/${item.intentionId}/fiche-budgetaire`)
		).text();
		expect(fiche).toContain('Service extraordinaire');
		const csvAfter = await (await referent.get('/plan-achats/plan.csv')).text();
		expect(csvAfter).not.toBe(csvBefore);
		const aggregateAfter = await (await buyer.get(`/gestion/marches/${CONTRACT}/plans`)).text();
		expect(aggregateAfter).toContain('dont service extraordinaire');
		expect(aggregateAfter).not.toBe(aggregateBefore);

		// back to the portal's suggestion: nothing of the choice remains
		const reset = await referent.action('/plan-achats?/nature', {
			intentionId: String(item.intentionId),
			priceItemId: String(item.priceItemId),
			nature: 'suggestion'
		});
		expect(reset.body.type).toBe('redirect');
		expect(override(item.intentionId, item.priceItemId)).toEqual({
			nature: null,
			by: null,
			at: null
		});
		expect(await (await referent.get('/plan-achats/plan.csv')).text()).toBe(csvBefore);
	});

	it('refuses an unknown service with a French message, and other people', async () => {
		const item = charleroiItem();
		const fields = {
			intentionId: String(item.intentionId),
			priceItemId: String(item.priceItemId)
		};
		const referent = await as('referent@charleroi.demo');
		const bad = await referent.action('/plan-achats?/nature', { ...fields, nature: 'mixte' });
		expect(bad.body.type).toBe('failure');
		expect(bad.body.data).toContain(
			'Choisissez le service ordinaire, extraordinaire ou la suggestion du portail.'
		);
		const agent = await as('agent@charleroi.demo');
		expect(
			(await agent.action('/plan-achats?/nature', { ...fields, nature: 'extraordinaire' })).status
		).toBe(403);
		// Mons' referent cannot reach Charleroi's item through its own plan
		const mons = await as('referent@mons.demo');
		const foreign = await mons.action('/plan-achats?/nature', {
			...fields,
			nature: 'extraordinaire'
		});
		expect(foreign.body.data).toContain('Ce poste n’est plus dans votre plan.');
		expect(override(item.intentionId, item.priceItemId).nature).toBeNull();
	});
});

const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
);
const storedFiles = () => {
	const dir = path.join(server.dataDir, 'files');
	return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};
const decisions = () =>
	query<{ id: number; kind: string; sha: string | null; name: string | null }>(
		'select id, kind, file_sha256 as sha, file_name as name from plan_decisions order by id'
	);

async function postFile(
	client: Client,
	action: string,
	fields: Record<string, string>,
	file: { name: string; bytes: Uint8Array<ArrayBuffer> }
) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	body.set('signedPdf', new Blob([file.bytes]), file.name);
	const res = await client.request(`/plan-achats?/${action}`, {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	return (await res.json()) as { type: string; status?: number; data?: string };
}

describe('the signed PDF of a recorded decision', () => {
	it('refuses what is not a PDF with a French message and stores nothing', async () => {
		const { intentionId } = charleroiItem();
		const referent = await as('referent@charleroi.demo');
		const fields = {
			intentionId: String(intentionId),
			kind: 'centraleMembership',
			decidedOn: '2026-11-20',
			reference: 'CC/2026/041'
		};
		const files = storedFiles();
		const renamed = await postFile(referent, 'decision', fields, {
			name: 'deliberation.pdf',
			bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf at all')
		});
		expect(renamed.type).toBe('failure');
		expect(renamed.data).toContain(
			'Le contenu du fichier ne correspond pas à un fichier PDF : vérifiez le document et réessayez.'
		);
		// what was typed comes back
		expect(renamed.data).toContain('CC/2026/041');
		const sheet = await postFile(referent, 'decision', fields, {
			name: 'deliberation.csv',
			bytes: new TextEncoder().encode('date;reference\n2026-11-20;CC/2026/041\n')
		});
		expect(sheet.data).toContain('Le document signé doit être un fichier PDF');
		expect(decisions()).toEqual([]);
		expect(storedFiles()).toEqual(files);
	});

	it('stores the adhesion deliberation by its SHA-256, for the commune and the centrale concerned only', async () => {
		const { intentionId } = charleroiItem();
		const referent = await as('referent@charleroi.demo');
		const recorded = await postFile(
			referent,
			'decision',
			{
				intentionId: String(intentionId),
				kind: 'centraleMembership',
				decidedOn: '2026-11-20',
				reference: 'CC/2026/041'
			},
			{ name: 'Délibération adhésion IGRETEC.pdf', bytes: PDF }
		);
		expect(recorded.type).toBe('redirect');
		const sha = createHash('sha256').update(PDF).digest('hex');
		const [decision] = decisions();
		expect(decision).toMatchObject({
			kind: 'centraleMembership',
			sha,
			name: 'Délibération adhésion IGRETEC.pdf'
		});
		expect(storedFiles()).toContain(sha);

		const url = `/plan-achats/decisions/${decision.id}.pdf`;
		expect(await (await referent.get('/plan-achats')).text()).toContain(url);
		for (const email of [
			'referent@charleroi.demo',
			'agent@charleroi.demo',
			'acheteur@igretec.demo'
		]) {
			const res = await (await as(email)).get(url);
			expect(res.status, email).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/pdf');
			expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
		}
		for (const email of ['acheteur@idea.demo', 'referent@mons.demo'])
			expect((await (await as(email)).get(url)).status, email).toBe(404);
		// the centrale sees it on file in its view of the plans
		const buyer = await as('acheteur@igretec.demo');
		expect(await (await buyer.get(`/gestion/marches/${CONTRACT}/plans`)).text()).toContain(url);
	});

	it('is attached later to another decision, which the centrale does not read', async () => {
		const { intentionId } = charleroiItem();
		const referent = await as('referent@charleroi.demo');
		const order = await referent.action('/plan-achats?/decision', {
			intentionId: String(intentionId),
			kind: 'order',
			decidedOn: '2026-12-03',
			reference: 'COL/2026/1203'
		});
		expect(order.body.type).toBe('redirect');
		const id = decisions().find((d) => d.kind === 'order')!.id;
		const mons = await as('referent@mons.demo');
		const foreign = await postFile(
			mons,
			'pdf',
			{ decisionId: String(id) },
			{ name: 'x.pdf', bytes: PDF }
		);
		expect(foreign.data).toContain('Cette décision n’est pas dans votre plan.');
		// a scanned deliberation weighs megabytes, more than an ordinary form may
		const scan = new Uint8Array(3 * 1024 * 1024);
		scan.set(PDF);
		const attached = await postFile(
			referent,
			'pdf',
			{ decisionId: String(id) },
			{ name: 'commande.pdf', bytes: scan }
		);
		expect(attached.type).toBe('redirect');
		expect(decisions().find((d) => d.kind === 'order')!.sha).toBe(
			createHash('sha256').update(scan).digest('hex')
		);
		const url = `/plan-achats/decisions/${id}.pdf`;
		expect((await (await as('agent@charleroi.demo')).get(url)).status).toBe(200);
		expect((await (await as('acheteur@igretec.demo')).get(url)).status).toBe(404);
	});
});

describe('the plan as an Excel workbook', () => {
	it('has the CSV’s rows with amounts as euros and dates as dates, one sheet per budget year', async () => {
		const referent = await as('referent@charleroi.demo');
		const res = await referent.get('/plan-achats/plan.xlsx');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(res.headers.get('content-disposition')).toContain('plan-achats-charleroi.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await res.arrayBuffer());

		const csv = (await (await referent.get('/plan-achats/plan.csv')).text())
			.replace(/^\ufeff/, '')
			.trim()
			.split('\r\n')
			.map((line) => line.split(';'));
		const [header, ...csvRows] = csv;
		const all = workbook.getWorksheet('Toutes les années')!;
		const cells = (row: ExcelJS.Row) =>
			Array.from({ length: header.length }, (_, i) => row.getCell(i + 1).value);
		expect(cells(all.getRow(1))).toEqual(header);
		expect(all.rowCount).toBe(csvRows.length + 1);

		const years = [...new Set(csvRows.map((r) => Number(r[7])))].sort();
		expect(workbook.worksheets.map((w) => w.name)).toEqual([
			'Toutes les années',
			...years.map((y) => `Exercice ${y}`)
		]);
		const euros = (text: string) => Number(text.replace(',', '.'));
		csvRows.forEach((csvRow, i) => {
			const row = all.getRow(i + 2);
			expect(row.getCell(1).value).toBe(csvRow[0]);
			// the wished month, a real date shown as « mmmm yyyy »
			const target = row.getCell(4);
			expect(target.value).toBeInstanceOf(Date);
			expect(target.numFmt).toBe('mmmm yyyy');
			const askBy = row.getCell(7);
			if (csvRow[6]) {
				expect((askBy.value as Date).toISOString().slice(0, 10)).toBe(csvRow[6]);
				expect(askBy.numFmt).toBe('dd/mm/yyyy');
			} else expect(askBy.value).toBeNull();
			expect(row.getCell(8).value).toBe(Number(csvRow[7]));
			for (let c = 9; c <= 14; c++) {
				expect(row.getCell(c).value, `${csvRow[0]} column ${c}`).toBe(euros(csvRow[c - 1]));
				expect(row.getCell(c).numFmt).toBe('#,##0.00 "€"');
			}
			expect(row.getCell(15).value).toBe(csvRow[14]);
		});

		// each year's sheet has that year's rows and their total
		for (const year of years) {
			const sheet = workbook.getWorksheet(`Exercice ${year}`)!;
			const inYear = csvRows.filter((r) => Number(r[7]) === year);
			expect(sheet.rowCount).toBe(inYear.length + 2);
			const total = sheet.getRow(inYear.length + 2);
			expect(total.getCell(1).value).toBe('Total');
			const sum = inYear.reduce((s, r) => s + Math.round(euros(r[12]) * 100), 0) / 100;
			expect(total.getCell(13).value).toMatchObject({
				formula: expect.stringMatching(/^SUM\(M2:M\d+\)$/)
			});
			expect((total.getCell(13).value as { result: number }).result).toBeCloseTo(sum, 2);
		}
	});

	it('is the commune’s own', async () => {
		const buyer = await as('acheteur@igretec.demo');
		expect((await buyer.get('/plan-achats/plan.xlsx')).status).toBe(403);
	});
});
