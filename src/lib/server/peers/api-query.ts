/**
 * The queries of GET /api/v1/usages and GET /api/v1/events as strict zod schemas: they validate
 * each request (see api/query.ts) and are the parameters published in /api/v1/openapi.json.
 * The usage filters are those of the « Qui utilise quoi ? » page, so its address copies as is.
 */
import { z } from 'zod';
import { checkQuery, flag, whole, type QueryCheck } from '../api/query';
import { MODULES } from '../../domain/catalogue/types';

export const MAX_PAGE_SIZE = 200;

const paging = {
	page: whole(1, 100_000).optional().describe('Numéro de page, à partir de 1.'),
	pageSize: whole(1, MAX_PAGE_SIZE)
		.optional()
		.describe(`Éléments par page, de 1 à ${MAX_PAGE_SIZE} (50 par défaut).`)
};

const text = (max: number, description: string) =>
	z.string().max(max, `au plus ${max} caractères`).optional().describe(description);

export const usageListQuery = z
	.object({
		q: text(200, 'Recherche dans le nom de la solution, du fournisseur ou de la commune.'),
		module: z
			.enum(MODULES)
			.optional()
			.describe('Volet utilisé (audit, logiciel, accompagnement, formation).'),
		fournisseur: text(200, 'Nom (ou partie du nom) du fournisseur.'),
		intercommunale: text(100, 'Intercommunale dont la commune est membre.'),
		arrondissement: text(100, 'Arrondissement de la commune.'),
		...paging
	})
	.strict();

export const eventListQuery = z
	.object({
		passees: flag('1 : les rencontres passées au lieu des rencontres à venir.'),
		...paging
	})
	.strict();

/** Names people try first: pointed to in the 400. */
const HINTS = {
	supplier: 'fournisseur',
	past: 'passees',
	per_page: 'pageSize',
	par_page: 'pageSize'
};

export const checkUsageListQuery = (params: URLSearchParams): QueryCheck =>
	checkQuery(usageListQuery, params, HINTS);
export const checkEventListQuery = (params: URLSearchParams): QueryCheck =>
	checkQuery(eventListQuery, params, HINTS);
