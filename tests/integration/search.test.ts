/**
 * The portal's one search box: contracts, needs, solutions in use, experience reports and
 * rencontres, labelled by kind, accents aside, and only what the viewer may read.
 */
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

const search = async (client: Client, q: string) =>
	(await client.get(`/recherche?q=${encodeURIComponent(q)}`)).text();

describe('search across the portal', () => {
	it('finds contracts, solutions in use and rencontres without accents, labelled by kind', async () => {
		const visitor = new Client(server.url);
		const guichet = await search(visitor, 'GUICHET citoyen');
		expect(guichet).toContain('Marché');
		expect(guichet).toContain('/catalogue/IGR-2025-EGU-01');
		expect(guichet).toContain('Rencontre');
		expect(guichet).toContain('Club des utilisateurs du guichet citoyen');
		const population = await search(visitor, 'population');
		expect(population).toContain('Solution utilisée');
		expect(population).toContain('Logiciel de gestion de la population');
	});

	it('keeps uses without consent to members', async () => {
		const visitor = await search(new Client(server.url), 'deliberations');
		expect(visitor).not.toContain('Plateforme de délibérations');
		const member = await search(
			await new Client(server.url).login('agent@tournai.demo'),
			'deliberations'
		);
		expect(member).toContain('Plateforme de délibérations');
	});

	it('shows needs only to those who may see their group', async () => {
		// an open group's need: any signed-in member
		const tournai = await new Client(server.url).login('agent@tournai.demo');
		expect(await search(tournai, 'rendez vous en ligne')).toContain(
			'Prise de rendez-vous en ligne'
		);
		// a members-only group's need: its members and the centrale running it, nobody else
		expect(await search(tournai, 'sauvegardes')).not.toContain('Sauvegardes hors site');
		const charleroi = await new Client(server.url).login('agent@charleroi.demo');
		const found = await search(charleroi, 'sauvegardes immuables');
		expect(found).toContain('Sauvegardes hors site immuables');
		expect(found).toContain('Besoin');
		const idea = await new Client(server.url).login('acheteur@idea.demo');
		expect(await search(idea, 'sauvegardes')).toContain('Sauvegardes hors site immuables');
		expect(await search(new Client(server.url), 'sauvegardes')).not.toContain(
			'Sauvegardes hors site'
		);
	});

	it('finds published reports by their published text, public ones only for visitors', async () => {
		const report =
			/<span class="badge neutral">Retour d'expérience<\/span> <a href="\/retours\/\d+">([^<]*)<\/a>(?:\s*<!--[^>]*-->)*\s*(?:<span class="muted">— ([^<]*)<\/span>)?/g;
		const reports = (page: string) => [...page.matchAll(report)].map((m) => `${m[1]} — ${m[2]}`);
		// Mons's report on the guichet is public but anonymous: found, never under its name
		const visitor = reports(await search(new Client(server.url), 'urbanisme plans'));
		expect(visitor).toEqual([
			'Guichet citoyen en ligne et formulaires électroniques — Une commune de la province de Hainaut'
		]);
		const member = await new Client(server.url).login('agent@tournai.demo');
		expect(reports(await search(member, 'URBANISME plans'))).toEqual([
			'Guichet citoyen en ligne et formulaires électroniques — Mons'
		]);
		// Mons's telephony report is for members only
		expect(reports(await search(new Client(server.url), 'portage numeros'))).toEqual([]);
		expect(reports(await search(member, 'migration telephonie hebergee'))).toEqual([
			'Téléphonie IP et mobile — Mons'
		]);
	});

	it('shows a draft report to its authors only, and never what was written after publishing', async () => {
		const report = /Retour d'expérience<\/span> <a href="\/retours\/\d+">/;
		const seneffe = await new Client(server.url).login('referent@seneffe.demo');
		const own = await search(seneffe, 'phishing simule');
		expect(own).toMatch(report);
		expect(own).toContain('brouillon · Seneffe');
		for (const other of [
			new Client(server.url),
			await new Client(server.url).login('referent@mons.demo'),
			await new Client(server.url).login('acheteur@idea.demo')
		])
			expect(await search(other, 'phishing simule')).not.toMatch(report);
		// Charleroi's authors wrote about online payments after their last publication: their own
		// search finds the published report by its published words, not by the draft's
		const charleroi = await new Client(server.url).login('agent@charleroi.demo');
		expect(await search(charleroi, 'redevances')).not.toMatch(report);
		expect(await search(charleroi, 'guichet vagues')).toMatch(report);
	});
});
