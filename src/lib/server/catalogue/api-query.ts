/**
 * The query of GET /api/v1/contracts as one zod schema: it validates each request (an unknown
 * parameter or value answers 400, never a silently wider list) and it is the source of the
 * parameters published in /api/v1/openapi.json (openapi.ts), so both cannot drift apart.
 * The names are the catalogue page's own: a page's address can be copied to the API as is.
 */
import { z } from 'zod';
import { THEME_SLUGS } from '../../domain/catalogue/labels';
import { CONTRACT_STATUSES, MODULES } from '../../domain/catalogue/types';
import { SORTS } from './list';

const many = <T extends z.ZodType>(item: T, description: string) =>
	z.array(item).optional().describe(description);
const flag = (description: string) => z.enum(['0', '1']).optional().describe(description);
const whole = (min: number, max: number) =>
	z
		.string()
		.regex(/^\d{1,9}$/, 'un nombre entier est attendu')
		.transform(Number)
		.pipe(
			z.number().min(min, `au moins ${min} est attendu`).max(max, `au plus ${max} est attendu`)
		);

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

/** Parameters that may be repeated (arrays in the schema). */
function repeatable(name: string): boolean {
	const field = contractListQuery.shape[name as keyof typeof contractListQuery.shape];
	return field instanceof z.ZodOptional && field.unwrap() instanceof z.ZodArray;
}

/** English names people try first (the answer's fields are English): pointed to in the 400. */
const ENGLISH = { status: 'statut', theme: 'thematique', modules: 'module', sort: 'tri' } as const;

export type QueryCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks a query string against the schema; the French message names the faulty parameter and
 * lists the valid ones (or values).
 */
export function checkContractListQuery(params: URLSearchParams): QueryCheck {
	const valid = CONTRACT_LIST_PARAMETERS.join(', ');
	const raw: Record<string, string | string[]> = {};
	for (const name of new Set(params.keys())) {
		const values = params.getAll(name);
		if (!(name in contractListQuery.shape)) {
			const hint = ENGLISH[name as keyof typeof ENGLISH];
			return {
				ok: false,
				message:
					`Paramètre inconnu : « ${name} ».${hint ? ` Vouliez-vous dire « ${hint} » ?` : ''}` +
					` Paramètres valides : ${valid}.`
			};
		}
		if (!repeatable(name) && values.length > 1)
			return { ok: false, message: `Le paramètre « ${name} » ne peut être donné qu’une fois.` };
		raw[name] = repeatable(name) ? values : values[0];
	}
	const result = contractListQuery.safeParse(raw);
	if (result.success) return { ok: true };
	const issue = result.error.issues[0];
	const name = String(issue.path[0]);
	const value = params.getAll(name)[Number(issue.path[1] ?? 0)];
	const detail =
		issue.code === 'invalid_value' ? `valeurs valides : ${issue.values.join(', ')}` : issue.message;
	return { ok: false, message: `Valeur invalide pour « ${name} » : « ${value} » ; ${detail}.` };
}
