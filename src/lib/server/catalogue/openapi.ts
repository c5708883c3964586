/**
 * The OpenAPI 3.1 description of the public JSON API, served at /api/v1/openapi.json. The query
 * parameters come from the zod schema that validates each request (api-query.ts) through zod's
 * JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1): written once, never twice.
 * The answers are described by their envelope; their fields are the catalogue's (api.ts).
 */
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/session';
import { publicOrigin } from '../config';
import { eventListQuery, MAX_PAGE_SIZE, usageListQuery } from '../peers/api-query';
import { reportListQuery } from '../reports/api-query';
import { contractListQuery } from './api-query';

type JsonSchema = Record<string, unknown> & { description?: string; type?: string };

/** one query parameter per property of the schema; repeated parameters for arrays */
function queryParameters(schema: z.ZodObject) {
	const json = z.toJSONSchema(schema, { io: 'input' }) as {
		properties: Record<string, JsonSchema>;
		required?: string[];
	};
	return Object.entries(json.properties).map(([name, property]) => {
		const { description, ...rest } = property;
		return {
			name,
			in: 'query',
			required: json.required?.includes(name) ?? false,
			description,
			schema: rest,
			...(rest.type === 'array' ? { style: 'form', explode: true } : {})
		};
	});
}

const problem = (description: string) => ({
	description,
	content: {
		'application/json': {
			schema: {
				type: 'object',
				required: ['message'],
				properties: {
					message: { type: 'string', description: 'Ce qui ne va pas, en français.' },
					parameters: {
						type: 'array',
						items: { type: 'string' },
						description: 'Les paramètres valides, quand un paramètre est inconnu ou invalide.'
					}
				}
			}
		}
	}
});

const object = (description: string) => ({
	description,
	content: { 'application/json': { schema: { type: 'object' } } }
});

const LIST = {
	description: 'Une page de marchés.',
	content: {
		'application/json': {
			schema: {
				type: 'object',
				required: ['data', 'page', 'pageSize', 'total', 'pageCount', 'links'],
				properties: {
					data: { type: 'array', items: { type: 'object' } },
					page: { type: 'integer', minimum: 1 },
					pageSize: { type: 'integer', minimum: 1, maximum: 100 },
					total: { type: 'integer', minimum: 0 },
					pageCount: { type: 'integer', minimum: 1 },
					links: {
						type: 'object',
						properties: {
							self: { type: 'string', format: 'uri' },
							next: { type: ['string', 'null'], format: 'uri' },
							prev: { type: ['string', 'null'], format: 'uri' }
						}
					}
				}
			}
		}
	}
};

const LINKS = {
	type: 'object',
	properties: {
		self: { type: 'string', format: 'uri' },
		next: { type: ['string', 'null'], format: 'uri' },
		prev: { type: ['string', 'null'], format: 'uri' }
	}
};

/** the page envelope of /api/v1/usages and /api/v1/events, items under `field` */
const peersPage = (description: string, field: string) => ({
	description,
	content: {
		'application/json': {
			schema: {
				type: 'object',
				required: ['total', 'page', 'pageSize', 'pageCount', 'links', field],
				properties: {
					total: { type: 'integer', minimum: 0 },
					page: { type: 'integer', minimum: 1 },
					pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
					pageCount: { type: 'integer', minimum: 1 },
					links: LINKS,
					[field]: { type: 'array', items: { type: 'object' } }
				}
			}
		}
	}
});

export function openApiDocument() {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Centrale — API publique',
			version: '1.0.0',
			description:
				'Le catalogue des marchés de la centrale d’achat (sans prix ni documents réservés aux membres), ' +
				'les retours d’expérience publiés, les solutions utilisées, les rencontres, ' +
				'et les tableaux des besoins de la personne connectée. Les filtres portent les noms de ceux de la ' +
				'page /catalogue : l’adresse d’une recherche du catalogue se recopie telle quelle. Un paramètre ' +
				'inconnu ou une valeur invalide répond 400 avec la liste des paramètres valides.'
		},
		servers: [{ url: publicOrigin() }],
		paths: {
			'/api/v1/contracts': {
				get: {
					operationId: 'listContracts',
					summary: 'Les marchés du catalogue, filtrés et paginés',
					parameters: queryParameters(contractListQuery),
					responses: {
						'200': LIST,
						'400': problem('Un paramètre inconnu, répété ou de valeur invalide.')
					}
				}
			},
			'/api/v1/contracts/{id}': {
				get: {
					operationId: 'getContract',
					summary: 'Un marché, par identifiant numérique ou par référence',
					parameters: [
						{
							name: 'id',
							in: 'path',
							required: true,
							description: 'Identifiant numérique (12) ou référence (IDEA-2025-CYB-02).',
							schema: { type: 'string' }
						}
					],
					responses: {
						'200': object('Le marché, ses lots, adjudicataires et documents publics.'),
						'404': problem('Aucun marché ne porte cet identifiant ou cette référence.')
					}
				}
			},
			'/api/v1/ocds/release-package.json': {
				get: {
					operationId: 'ocdsReleasePackage',
					summary: 'Tous les marchés en Open Contracting Data Standard 1.1.5 (release package)',
					responses: { '200': object('Un release package OCDS 1.1.5.') }
				}
			},
			'/api/v1/usages': {
				get: {
					operationId: 'listUsages',
					summary:
						'Les solutions utilisées par les communes qui acceptent d’être contactées, paginées',
					parameters: queryParameters(usageListQuery),
					responses: {
						'200': peersPage('Une page d’utilisations déclarées.', 'usages'),
						'400': problem('Un paramètre inconnu, répété ou de valeur invalide.')
					}
				}
			},
			'/api/v1/events': {
				get: {
					operationId: 'listEvents',
					summary: 'Les rencontres entre pairs (sans lien de visioconférence), paginées',
					parameters: queryParameters(eventListQuery),
					responses: {
						'200': peersPage('Une page de rencontres, les plus proches d’abord.', 'events'),
						'400': problem('Un paramètre inconnu, répété ou de valeur invalide.')
					}
				}
			},
			'/api/v1/reports': {
				get: {
					operationId: 'listReports',
					summary:
						'Les retours d’expérience publiés des communes, paginés (les publics sans connexion, ' +
						'la commune anonymisée si elle l’a choisi ; tous les publiés pour un membre connecté)',
					security: [{}, { session: [] }],
					parameters: queryParameters(reportListQuery),
					responses: {
						'200': peersPage(
							'Une page de retours, les plus récemment publiés d’abord ; `content` est la version publiée.',
							'reports'
						),
						'400': problem('Un paramètre inconnu, répété ou de valeur invalide.')
					}
				}
			},
			'/api/v1/reports/{id}': {
				get: {
					operationId: 'getReport',
					summary: 'Un retour d’expérience publié, tel que la liste le donne',
					security: [{}, { session: [] }],
					parameters: [
						{
							name: 'id',
							in: 'path',
							required: true,
							description: 'Identifiant numérique du retour.',
							schema: { type: 'string', pattern: '^[1-9][0-9]*$' }
						}
					],
					responses: {
						'200': object('Le retour : sa version publiée, ses notes, sa commune ou son anonymat.'),
						'404': problem('Aucun retour publié que vous puissiez lire ne porte cet identifiant.')
					}
				}
			},
			'/api/v1/boards': {
				get: {
					operationId: 'listBoards',
					summary: 'Les tableaux des besoins visibles par la personne connectée',
					security: [{ session: [] }],
					responses: {
						'200': object('Les tableaux, le document Yjs à ouvrir et le droit d’écrire.'),
						'401': problem('Pas de session : connectez-vous.')
					}
				}
			},
			'/api/v1/openapi.json': {
				get: {
					operationId: 'openApi',
					summary: 'Cette description',
					responses: { '200': object('La description OpenAPI 3.1 de l’API.') }
				}
			}
		},
		components: {
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: SESSION_COOKIE,
					description: 'Le cookie de session du portail, après connexion sur /login.'
				}
			}
		}
	};
}
