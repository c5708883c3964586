/**
 * The portal's one search box: contracts, needs, solutions in use and rencontres, labelled by
 * kind, accents aside, and only what the viewer may read.
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
});
