import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { FORM_TOO_LARGE, FORM_UNREADABLE, isBodyTooLarge } from './request-body';

export type FieldErrors = Record<string, string>;

export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; fields: Record<string, string>; errors: FieldErrors };

/**
 * Reads a form through `read` (a request's own `formData`; hooks.server.ts routes every request's
 * through here). A body that is not the form it claims to be is the sender's mistake: 400 with
 * a French message rather than a 500. A body cut at its limit while it arrived
 * (server/body-limit.ts, or SvelteKit's BODY_SIZE_LIMIT) is a 413.
 */
export async function readForm(read: () => Promise<FormData>): Promise<FormData> {
	try {
		return await read();
	} catch (err) {
		if (isBodyTooLarge(err)) error(413, FORM_TOO_LARGE);
		// undici's answer to a body it cannot parse as the form its Content-Type announces
		if (err instanceof TypeError) error(400, FORM_UNREADABLE);
		throw err;
	}
}

/**
 * Validates a submitted form against a zod schema. On failure it returns what was typed (never
 * passwords) and one French message per field, ready for `fail(400, …)`.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.infer<S>> {
	const raw: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
		raw[key] = values.length > 1 ? values : values[0];
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return { ok: false, fields: echo(raw), errors };
}

/** What to re-show in the form: strings only, without secrets. */
export function echo(raw: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (/password/i.test(key)) continue;
		if (typeof value === 'string') out[key] = value.slice(0, 2000);
	}
	return out;
}

/** Common fields with French messages. */
export const fields = {
	email: z
		.string({ error: 'Indiquez une adresse e-mail.' })
		.trim()
		.min(1, 'Indiquez une adresse e-mail.')
		.max(254, 'Cette adresse e-mail est trop longue.')
		.pipe(z.email({ error: 'Indiquez une adresse e-mail valide, par exemple nom@commune.be.' })),
	requiredText: (label: string, max = 200) =>
		z
			.string({ error: `Indiquez ${label}.` })
			.trim()
			.min(1, `Indiquez ${label}.`)
			.max(max, `Ce texte ne peut pas dépasser ${max} caractères.`),
	password: z
		.string({ error: 'Indiquez votre mot de passe.' })
		.min(1, 'Indiquez votre mot de passe.'),
	id: z.coerce
		.number({ error: 'Choix invalide.' })
		.int('Choix invalide.')
		.positive('Choix invalide.'),
	/** a deletion is confirmed by a checkbox in the same form: it works without JavaScript */
	deletionConfirmed: z.literal('1', { error: 'Cochez la case pour confirmer la suppression.' })
};

export interface FormFailure {
	errors: FieldErrors;
	fields: Record<string, string>;
	message?: string;
	/** which of several forms on the page failed */
	action?: string;
}

/**
 * `fail(status, …)` with one shape for every form, so pages read `form.errors.x` and
 * `form.fields.x` without narrowing unions. `errors.form` is a message for the whole form.
 */
export function invalid(
	status: number,
	errors: FieldErrors,
	fields: Record<string, string | number | undefined | null> = {},
	extra: { message?: string; action?: string } = {}
) {
	const echoed: Record<string, string> = {};
	for (const [key, value] of Object.entries(fields)) if (value != null) echoed[key] = String(value);
	const data: FormFailure = { errors, fields: echo(echoed), ...extra };
	return fail(status, data);
}

/**
 * A solution not taken from the catalogue is named with its supplier: the rule the forms that
 * accept « a contract of the catalogue, or a solution bought elsewhere » share (usages, reports).
 */
export function requireSolutionElsewhere(
	d: { solutionName?: string; supplierName?: string },
	ctx: z.RefinementCtx
) {
	if (!d.solutionName)
		ctx.addIssue({
			code: 'custom',
			path: ['solutionName'],
			message: 'Choisissez un marché du catalogue ou indiquez le nom de la solution.'
		});
	if (!d.supplierName)
		ctx.addIssue({
			code: 'custom',
			path: ['supplierName'],
			message: 'Indiquez le fournisseur de la solution.'
		});
}
