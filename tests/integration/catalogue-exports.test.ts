import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const login = (email: string) => new Client(server.url).login(email);
const CSV = '/gestion/marches/IGR-2025-EGU-01/adhesions.csv';
/** Charleroi's options in the demo data, in French as a buyer reads them */
const MODULES = 'Logiciel, Accompagnement, Formation';

describe('the adhesions CSV of a contract, for its buyers', () => {
	it('has the BOM, a header, one line per adhesion, `;` separators and amounts for Excel', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const res = await buyer.get(CSV);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="adhesions-IGR-2025-EGU-01.csv"'
		);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).split('\r\n');
		expect(lines.at(-1)).toBe('');
		const [header, ...rows] = lines.slice(0, -1);
		expect(header).toBe(
			'Pouvoir local;Code INS;Décision du collège;Date de la décision;Options;Quantités estimées;Retirée le;Commandé HTVA'
		);
		// Charleroi and Mons adhered in the demo data; their orders not refused are summed
		expect(rows).toHaveLength(2);
		const cells = rows.map((row) => row.split(';'));
		expect(cells.map((c) => c[0])).toEqual(['Charleroi', 'Mons']);
		expect(cells.every((c) => c.length === 8)).toBe(true);
		expect(cells[0][1]).toMatch(/^\d{5}$/);
		expect(cells[0][2]).toMatch(/^COL\/\d{4}\/\d+$/);
		expect(cells[0][3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(cells[0][4]).toBe(MODULES);
		expect(cells[0][6]).toBe('');
		expect(cells[0][7]).toBe('23860,00'); // 14 500 € + 12 × 780 €
		expect(cells[1][7]).toBe('14500,00');
	});

	it('lists a withdrawn adhesion with its date', async () => {
		const referent = await login('referent@mons.demo');
		expect((await referent.post('/catalogue/IGR-2025-EGU-01?/retirer', {})).status).toBe(303);
		const buyer = await login('acheteur@igretec.demo');
		const text = await (await buyer.get(CSV)).text();
		const mons = text.split('\r\n').find((line) => line.startsWith('Mons;'))!;
		expect(mons.split(';')[6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('is refused to anyone but the contract’s buyers', async () => {
		for (const email of ['acheteur@idea.demo', 'referent@charleroi.demo', 'agent@charleroi.demo'])
			expect((await (await login(email)).get(CSV)).status).toBe(403);
		const anonymous = await new Client(server.url).get(CSV);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/login\?redirectTo=/);
		const buyer = await login('acheteur@igretec.demo');
		expect((await buyer.get('/gestion/marches/NEXISTE-PAS/adhesions.csv')).status).toBe(404);
	});
});
