/**
 * The query of a public JSON API route as one strict zod object: it validates each request (an
 * unknown parameter, a repeated one or a bad value answers 400, never a silently wider list) and
 * it is the source of the parameters published in /api/v1/openapi.json, so both cannot drift.
 * Query values are strings: schemas use the helpers below to read numbers and flags.
 */
import { z } from 'zod';

export type QuerySchema = z.ZodObject;

export const many = <T extends z.ZodType>(item: T, description: string) =>
	z.array(item).optional().describe(description);
export const flag = (description: string) => z.enum(['0', '1']).optional().describe(description);
export const whole = (min: number, max: number) =>
	z
		.string()
		.regex(/^\d{1,9}$/, 'un nombre entier est attendu')
		.transform(Number)
		.pipe(
			z.number().min(min, `au moins ${min} est attendu`).max(max, `au plus ${max} est attendu`)
		);

/** The parameter names of a query schema, in the order of its fields. */
export function parameterNames(schema: QuerySchema): string[] {
	return Object.keys(schema.shape);
}

/** Parameters that may be repeated (arrays in the schema). */
function repeatable(schema: QuerySchema, name: string): boolean {
	const field = schema.shape[name];
	return field instanceof z.ZodOptional && field.unwrap() instanceof z.ZodArray;
}

export type QueryCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks a query string against a schema; the French message names the faulty parameter and
 * lists the valid ones (or values). `hints` maps names people try first to the right one.
 */
export function checkQuery(
	schema: QuerySchema,
	params: URLSearchParams,
	hints: Record<string, string> = {}
): QueryCheck {
	const valid = parameterNames(schema).join(', ');
	const raw: Record<string, string | string[]> = {};
	for (const name of new Set(params.keys())) {
		const values = params.getAll(name);
		if (!Object.hasOwn(schema.shape, name)) {
			// a hint only to a parameter this schema has
			const hint =
				Object.hasOwn(hints, name) && Object.hasOwn(schema.shape, hints[name])
					? hints[name]
					: undefined;
			return {
				ok: false,
				message:
					`Paramètre inconnu : « ${name} ».${hint ? ` Vouliez-vous dire « ${hint} » ?` : ''}` +
					` Paramètres valides : ${valid}.`
			};
		}
		if (!repeatable(schema, name) && values.length > 1)
			return { ok: false, message: `Le paramètre « ${name} » ne peut être donné qu’une fois.` };
		raw[name] = repeatable(schema, name) ? values : values[0];
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true };
	const issue = result.error.issues[0];
	const name = String(issue.path[0]);
	const value = params.getAll(name)[Number(issue.path[1] ?? 0)];
	const detail =
		issue.code === 'invalid_value' ? `valeurs valides : ${issue.values.join(', ')}` : issue.message;
	return { ok: false, message: `Valeur invalide pour « ${name} » : « ${value} » ; ${detail}.` };
}

/** The 400 answer of a refused query: the message and the valid parameters. */
export function queryProblem(schema: QuerySchema, message: string) {
	return { message, parameters: parameterNames(schema) };
}
