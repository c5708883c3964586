import fs from 'node:fs';
import path from 'node:path';
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
const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** the contract form's fields as the edit page renders them */
async function editForm(client: Client, reference: string) {
	const html = await (await client.get(`/gestion/marches/${reference}`)).text();
	const value = (name: string) =>
		new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
		new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1] ??
		'';
	const textarea = (name: string) =>
		new RegExp(`name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? '';
	const selected = (name: string) =>
		new RegExp(`name="${name}"[\\s\\S]*?<option value="([^"]*)" selected`).exec(html)?.[1] ?? '';
	return {
		version: value('version'),
		title: value('title'),
		summary: textarea('summary').replace(/&#39;/g, "'"),
		description: '',
		theme: selected('theme'),
		procedure: selected('procedure'),
		endDate: value('endDate'),
		startDate: value('startDate'),
		maxEndDate: value('maxEndDate'),
		maxValue: value('maxValue'),
		modules: ['software', 'support']
	};
}

async function upload(
	client: Client,
	reference: string,
	name: string,
	bytes: Uint8Array<ArrayBuffer>
) {
	const body = new FormData();
	body.set('title', 'Fiche technique');
	body.set('kind', 'fiche-technique');
	body.set('isPublic', '1');
	body.set('file', new Blob([bytes]), name);
	const res = await client.request(`/gestion/marches/${reference}?/document`, {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	return (await res.json()) as { type: string; status: number; data?: string };
}

describe('back office of the buyers', () => {
	it('refuses the second save of a stale version and says what changed', async () => {
		const alice = await login('acheteur@igretec.demo');
		const admin = await login('admin@centrale.demo');
		const first = await editForm(alice, 'IGR-2025-AFF-03');
		const second = await editForm(admin, 'IGR-2025-AFF-03');
		expect(first.version).toBe(second.version);
		const saved = await alice.post('/gestion/marches/IGR-2025-AFF-03?/enregistrer', {
			...first,
			maxValue: '450 000,00'
		});
		expect(saved.status).toBe(303);
		const stale = await admin.action('/gestion/marches/IGR-2025-AFF-03?/enregistrer', {
			...second,
			title: 'Bornes et écrans'
		});
		expect(stale.body.status).toBe(409);
		expect(stale.body.data).toContain('a été modifié par Isabelle Gérard');
		expect(stale.body.data).toContain('montant maximal');
		const page = await (await fetch(`${server.url}/catalogue/IGR-2025-AFF-03`)).text();
		expect(page).toContain('Bornes interactives et affichage dynamique');
		expect(page).toMatch(/450\s?000,00\s€/);
	});

	it('lets only the lead centrale’s buyers manage a contract', async () => {
		const other = await login('acheteur@idea.demo');
		expect((await other.get('/gestion/marches/IGR-2025-AFF-03')).status).toBe(403);
		const referent = await login('referent@charleroi.demo');
		expect((await referent.get('/gestion')).status).toBe(403);
	});

	it('refuses a wrong type, a fake PDF and a too-big file, storing nothing', async () => {
		const buyer = await login('acheteur@igretec.demo');
		const dir = path.join(server.dataDir, 'files');
		const before = filesIn(dir);
		const exe = await upload(
			buyer,
			'IGR-2025-AFF-03',
			'outil.exe',
			new Uint8Array([0x4d, 0x5a, 1, 2])
		);
		expect(exe.data).toContain('Ce type de fichier n');
		const fake = await upload(
			buyer,
			'IGR-2025-AFF-03',
			'fiche.pdf',
			new TextEncoder().encode('<html>pas un pdf</html>')
		);
		expect(fake.data).toContain('ne correspond pas à un fichier PDF');
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(new TextEncoder().encode('%PDF-1.4'));
		const tooBig = await upload(buyer, 'IGR-2025-AFF-03', 'gros.pdf', big);
		expect(tooBig.data).toContain('taille maximale de 10 Mo');
		expect(filesIn(dir)).toEqual(before);
		const ok = await upload(
			buyer,
			'IGR-2025-AFF-03',
			'fiche.pdf',
			new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
		);
		expect(ok.type).toBe('success');
		expect(filesIn(dir).length).toBe(before.length + 1);
	});

	it('moves a contract through its lifecycle with the guards, and starts its relaunch', async () => {
		const buyer = await login('acheteur@igretec.demo');
		// awarded, start date in the future: activation is refused with the reason
		const early = await buyer.action('/gestion/marches/IGR-2025-TRV-02?/statut', { to: 'active' });
		expect(early.body.type).toBe('failure');
		expect(early.body.data).toContain('ne peut être activé qu’à partir du');
		const relaunch = await buyer.post('/gestion/marches/IGR-2025-EGU-01?/relancer', {});
		expect(relaunch.status).toBe(303);
		const location = relaunch.headers.get('location')!;
		expect(location).toBe('/gestion/marches/IGR-2025-EGU-01-R?relance=IGR-2025-EGU-01');
		const successor = await (await buyer.get(location)).text();
		expect(successor).toContain('Relance de');
		expect(successor).toContain('Plateforme de guichet en ligne');
		expect(successor).toContain('Adhérents du marché précédent, à inviter (2)');
		expect(successor).toContain('Charleroi');
		expect(successor).toContain('Mons');
		const publicPage = await (await fetch(`${server.url}/catalogue/IGR-2025-EGU-01`)).text();
		expect(publicPage).toContain('IGR-2025-EGU-01-R');
		const again = await buyer.action('/gestion/marches/IGR-2025-EGU-01?/relancer', {});
		expect(again.body.data).toContain('déjà un successeur');
	});
});
