/**
 * The query of GET /api/v1/contracts as one zod schema: it validates each request (an unknown
 * parameter or value answers 400, never a silently wider list) and it is the source of the
 * parameters published in /api/v1/openapi.json (openapi.ts), so both cannot drift apart.
 * The names are the catalogue page's own: a page's address can be copied to the API as is.
 */
import { z } from 'zod';
import { checkQuery, flag, many, whole, type QueryCheck } from '../api/query';
import { THEME_SLUGS } from '../../domain/catalogue/labels';
import { CONTRACT_STATUSES, MODULES } from '../../domain/catalogue/types';
import { SORTS } from './list';

export const contractListQuery = z
	.object({
		q: z
			.string()
			.max(200, 'au plus 200 caractères')
			.optional()
			.describe(
				'Recherche plein texte (titre, résumé, adjudicataires, postes), sans accents ni majuscules.'
			),
		thematique: many(z.enum(THEME_SLUGS), 'Thématique ; répéter le paramètre pour en combiner.'),
		statut: many(
			z.enum(CONTRACT_STATUSES),
			'Statut du marché ; répéter le paramètre pour en combiner. Demander ended ou cancelled montre ces marchés sans termines=1.'
		),
		module: many(
			z.enum(MODULES),
			'Volet activable (audit, logiciel, accompagnement, formation) ; répéter pour en combiner.'
		),
		centrale: many(
			whole(1, 999_999_999),
			'Identifiant de la centrale qui conduit le marché ; répéter pour en combiner.'
		),
		ouvert: flag('1 : seulement les marchés auxquels une commune peut adhérer aujourd’hui.'),
		termines: flag('1 : inclure les marchés terminés et annulés (masqués par défaut).'),
		tri: z.enum(SORTS).optional().describe('Ordre de la liste.'),
		page: whole(1, 100_000).optional().describe('Numéro de page, à partir de 1.'),
		par_page: whole(1, 100).optional().describe('Marchés par page, de 1 à 100 (20 par défaut).')
	})
	.strict();

export const CONTRACT_LIST_PARAMETERS = Object.keys(contractListQuery.shape) as [
	keyof typeof contractListQuery.shape
];

/** English names people try first (the answer's fields are English): pointed to in the 400. */
const ENGLISH = { status: 'statut', theme: 'thematique', modules: 'module', sort: 'tri' };

/** Checks a query string against the schema (see checkQuery). */
export function checkContractListQuery(params: URLSearchParams): QueryCheck {
	return checkQuery(contractListQuery, params, ENGLISH);
}
