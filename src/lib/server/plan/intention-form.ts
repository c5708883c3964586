/**
 * The form « Ajouter à mon plan d'achats »: a lot, the modules wished, a start month and year,
 * and one quantity per price item (`q_<priceItemId>`, two decimals at most).
 */
import { z } from 'zod';
import { parseQuantity } from '../../domain/catalogue/quantity';
import { MODULES, type Module } from '../../domain/catalogue/types';
import { fields, parseForm, type FieldErrors } from '../forms';

const schema = z.object({
	lotId: fields.id,
	month: z.coerce
		.number({ error: 'Choisissez le mois de début.' })
		.int('Choisissez le mois de début.')
		.min(1, 'Choisissez le mois de début.')
		.max(12, 'Choisissez le mois de début.'),
	year: z.coerce
		.number({ error: 'Indiquez l’année de début.' })
		.int('Indiquez une année, par exemple 2027.')
		.min(2020, 'Indiquez une année, par exemple 2027.')
		.max(2100, 'Indiquez une année, par exemple 2027.'),
	modules: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
		.pipe(z.array(z.enum(MODULES, { error: 'Module inconnu.' }))),
	note: z.string().trim().max(1000, 'Ce texte ne peut pas dépasser 1000 caractères.').optional()
});

export interface IntentionInput {
	lotId: number;
	targetMonth: string;
	modules: Module[];
	note: string;
	lines: { priceItemId: number; quantityHundredths: number }[];
}

const QUANTITY = /^q_(\d+)$/;

export type ParsedIntention =
	| { ok: true; data: IntentionInput; fields: Record<string, string> }
	| { ok: false; errors: FieldErrors; fields: Record<string, string> };

export function parseIntentionForm(form: FormData): ParsedIntention {
	const typed: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') typed[key] = value.slice(0, 200);
	const parsed = parseForm(schema, form);
	if (!parsed.ok) return { ok: false, errors: parsed.errors, fields: typed };
	const lines: IntentionInput['lines'] = [];
	for (const [key, value] of form) {
		const match = QUANTITY.exec(key);
		if (!match || typeof value !== 'string' || value.trim() === '') continue;
		const q = parseQuantity(value);
		if (!q.ok) return { ok: false, errors: { [key]: q.message }, fields: typed };
		if (q.hundredths > 0)
			lines.push({ priceItemId: Number(match[1]), quantityHundredths: q.hundredths });
	}
	const { lotId, month, year, modules, note } = parsed.data;
	return {
		ok: true,
		data: {
			lotId,
			targetMonth: `${year}-${String(month).padStart(2, '0')}`,
			modules,
			note: note ?? '',
			lines
		},
		fields: typed
	};
}
