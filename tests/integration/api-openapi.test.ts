/**
 * The JSON API describes itself in OpenAPI 3.1 (/api/v1/openapi.json), its filters included, and
 * refuses what it does not know: an unknown parameter or value answers 400 with the valid ones,
 * where it used to be ignored (`?status=expired` answered every contract).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const FILTERS = [
	'q',
	'thematique',
	'statut',
	'module',
	'centrale',
	'ouvert',
	'termines',
	'tri',
	'page',
	'par_page'
];

interface Parameter {
	name: string;
	in: string;
	description?: string;
	schema: { type: string; enum?: string[]; items?: { enum?: string[] } };
}
type Document = {
	openapi: string;
	servers: { url: string }[];
	paths: Record<string, { get: { parameters?: Parameter[]; responses: Record<string, unknown> } }>;
};

async function document(): Promise<Document> {
	const res = await fetch(`${server.url}/api/v1/openapi.json`);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toContain('application/json');
	return (await res.json()) as Document;
}

const contracts = (query: string) => fetch(`${server.url}/api/v1/contracts?${query}`);

describe('/api/v1/openapi.json', () => {
	it('is a valid OpenAPI 3.1 document whose parameter schemas are valid JSON Schema', async () => {
		const doc = await document();
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats.default(ajv);
		ajv.addFormat('media-range', true); // OpenAPI's own format (a media type range), not ajv's
		// ajv resolves the schema's `$dynamicRef: "#meta"` to the wrong resource; with no other
		// `$dynamicAnchor: meta` in play it means `$defs/schema`, which a plain $ref says. The
		// schemas inside are then checked against JSON Schema 2020-12 below (validateSchema).
		const text = readFileSync(
			new URL('../fixtures/openapi-3.1/schema.json', import.meta.url),
			'utf8'
		).replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"');
		const schema = JSON.parse(text);
		const valid = ajv.validate(schema, doc);
		expect(ajv.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
		expect(doc.openapi).toMatch(/^3\.1\./);
		expect(doc.servers[0].url).toBe(server.url);
		for (const path of Object.values(doc.paths))
			for (const p of path.get.parameters ?? []) expect(ajv.validateSchema(p.schema)).toBe(true);
	});

	it('documents every filter of the contract list, each with a description', async () => {
		const parameters = (await document()).paths['/api/v1/contracts'].get.parameters!;
		expect(parameters.map((p) => p.name)).toEqual(FILTERS);
		for (const p of parameters) {
			expect(p.in).toBe('query');
			expect(p.description?.length).toBeGreaterThan(10);
		}
		const statut = parameters.find((p) => p.name === 'statut')!;
		expect(statut.schema.items?.enum).toEqual([
			'planned',
			'tendering',
			'awarded',
			'active',
			'expiring',
			'ended',
			'cancelled'
		]);
	});

	it('every documented value of every filter is accepted', async () => {
		const parameters = (await document()).paths['/api/v1/contracts'].get.parameters!;
		for (const p of parameters) {
			const values = p.schema.enum ?? p.schema.items?.enum;
			for (const value of values ?? []) {
				const res = await contracts(`${p.name}=${encodeURIComponent(value)}`);
				expect(res.status, `${p.name}=${value}`).toBe(200);
			}
		}
		for (const query of ['q=cyber', 'centrale=1&centrale=2', 'page=2', 'par_page=100'])
			expect((await contracts(query)).status, query).toBe(200);
	});
});

describe('the contract list refuses what it does not know', () => {
	it('answers 400 to an unknown parameter, naming the valid ones', async () => {
		const res = await contracts('status=expired');
		expect(res.status).toBe(400);
		const body = (await res.json()) as { message: string; parameters: string[] };
		expect(body.message).toContain('Paramètre inconnu : « status »');
		expect(body.message).toContain('Vouliez-vous dire « statut » ?');
		expect(body.message).toContain(FILTERS.join(', '));
		expect(body.parameters).toEqual(FILTERS);
	});

	it('answers 400 to an unknown value, naming the valid ones', async () => {
		const res = await contracts('statut=expired');
		expect(res.status).toBe(400);
		const { message } = (await res.json()) as { message: string };
		expect(message).toBe(
			'Valeur invalide pour « statut » : « expired » ; valeurs valides : planned, tendering, awarded, active, expiring, ended, cancelled.'
		);
		for (const query of ['par_page=500', 'page=0', 'termines=oui', 'centrale=IDEA', 'tri=prix'])
			expect((await contracts(query)).status, query).toBe(400);
		expect((await contracts('page=1&page=2')).status).toBe(400);
	});

	it('still filters with the valid names', async () => {
		const ended = (await (await contracts('statut=ended&par_page=100')).json()) as {
			data: { status: string }[];
		};
		expect(ended.data.length).toBeGreaterThan(0);
		expect(ended.data.every((c) => c.status === 'ended')).toBe(true);
	});
});

describe('the peers lists are documented and refuse what they do not know', () => {
	const LISTS = {
		'/api/v1/usages': [
			'q',
			'module',
			'fournisseur',
			'intercommunale',
			'arrondissement',
			'page',
			'pageSize'
		],
		'/api/v1/events': ['passees', 'page', 'pageSize']
	};
	const get = (path: string, query: string) => fetch(`${server.url}${path}?${query}`);

	it('documents every parameter of /api/v1/usages and /api/v1/events, each accepted', async () => {
		const doc = await document();
		for (const [path, names] of Object.entries(LISTS)) {
			const parameters = doc.paths[path].get.parameters!;
			expect(parameters.map((p) => p.name)).toEqual(names);
			expect(Object.keys(doc.paths[path].get.responses)).toEqual(['200', '400']);
			for (const p of parameters) {
				expect(p.in).toBe('query');
				expect(p.description?.length, `${path} ${p.name}`).toBeGreaterThan(10);
				for (const value of p.schema.enum ?? [])
					expect((await get(path, `${p.name}=${value}`)).status, `${path} ${p.name}`).toBe(200);
			}
		}
		expect((await get('/api/v1/usages', 'fournisseur=Civadis&pageSize=200')).status).toBe(200);
		expect((await get('/api/v1/events', 'passees=1&page=2&pageSize=1')).status).toBe(200);
	});

	it('answers 400 in French to an unknown parameter, naming the valid ones', async () => {
		for (const [path, names] of Object.entries(LISTS)) {
			const res = await get(path, 'supplier=Civadis');
			expect(res.status, path).toBe(400);
			expect(res.headers.get('access-control-allow-origin')).toBe('*');
			const body = (await res.json()) as { message: string; parameters: string[] };
			const hint = path === '/api/v1/usages' ? ' Vouliez-vous dire « fournisseur » ?' : '';
			expect(body.message).toBe(
				`Paramètre inconnu : « supplier ».${hint} Paramètres valides : ${names.join(', ')}.`
			);
			expect(body.parameters).toEqual(names);
		}
	});

	it('answers 400 to a bad or repeated value', async () => {
		const res = await get('/api/v1/usages', 'module=jardinage');
		expect(res.status).toBe(400);
		expect(((await res.json()) as { message: string }).message).toBe(
			'Valeur invalide pour « module » : « jardinage » ; valeurs valides : audit, software, support, training.'
		);
		for (const query of ['pageSize=500', 'page=0', 'page=deux', 'page=1&page=2'])
			expect((await get('/api/v1/usages', query)).status, query).toBe(400);
		for (const query of ['passees=oui', 'pageSize=0', 'pageSize=201'])
			expect((await get('/api/v1/events', query)).status, query).toBe(400);
	});
});
