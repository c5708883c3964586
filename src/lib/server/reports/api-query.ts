/**
 * The query of GET /api/v1/reports as a strict zod schema: it validates each request (see
 * api/query.ts) and is the parameters published in /api/v1/openapi.json.
 */
import { z } from 'zod';
import { checkQuery, whole, type QueryCheck } from '../api/query';
import { MAX_PAGE_SIZE } from '../peers/api-query';

export const reportListQuery = z
	.object({
		marche: z
			.string()
			.max(100, 'au plus 100 caractères')
			.optional()
			.describe('Référence du marché dont parlent les retours (IDEA-2025-CYB-02).'),
		commune: z
			.string()
			.max(100, 'au plus 100 caractères')
			.optional()
			.describe(
				'Identifiant de la commune dans l’annuaire (charleroi). Sans connexion, seuls les retours ' +
					'signés du nom de la commune répondent à ce filtre.'
			),
		page: whole(1, 100_000).optional().describe('Numéro de page, à partir de 1.'),
		pageSize: whole(1, MAX_PAGE_SIZE)
			.optional()
			.describe(`Éléments par page, de 1 à ${MAX_PAGE_SIZE} (50 par défaut).`)
	})
	.strict();

/** Names people try first: pointed to in the 400. */
const HINTS = {
	contract: 'marche',
	contrat: 'marche',
	reference: 'marche',
	organisation: 'commune',
	per_page: 'pageSize',
	par_page: 'pageSize'
};

export const checkReportListQuery = (params: URLSearchParams): QueryCheck =>
	checkQuery(reportListQuery, params, HINTS);
