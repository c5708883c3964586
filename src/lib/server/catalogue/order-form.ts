/**
 * The forms of an order: a commune's order on one lot (its budget credit, then one quantity per
 * price item), and a buyer's refusal of an order.
 */
import { z } from 'zod';
import { parseQuantity } from '../../domain/catalogue/quantity';
import { fields, parseForm, type FieldErrors } from '../forms';
import type { OrderInput } from './orders';

const orderSchema = z.object({
	lotId: fields.id,
	budgetYear: z.coerce
		.number({ error: 'Indiquez l’exercice budgétaire.' })
		.int('Indiquez une année.')
		.min(2020, 'Indiquez une année valide.')
		.max(2100, 'Indiquez une année valide.'),
	budgetArticle: fields.requiredText('l’article budgétaire', 40),
	note: z.string().trim().max(1000, 'Ce texte ne peut pas dépasser 1000 caractères.').optional()
});

/** the quantity fields, one per price item: `q_<priceItemId>` */
const QUANTITY = /^q_(\d+)$/;

export type ParsedOrder =
	| { ok: true; data: OrderInput; fields: Record<string, string> }
	| { ok: false; errors: FieldErrors; fields: Record<string, string> };

/**
 * Parses an order form; `fields` is what to show again if the order is refused afterwards (the
 * verb may still refuse it: no adhesion, ceiling reached, an item without a price).
 */
export function parseOrderForm(form: FormData): ParsedOrder {
	const parsed = parseForm(orderSchema, form);
	if (!parsed.ok) return parsed;
	const echo = { ...strings(parsed.data), ...typedQuantities(form) };
	const lines: OrderInput['lines'] = [];
	for (const [key, value] of form) {
		const match = QUANTITY.exec(key);
		// a blank quantity: that item is not ordered
		if (!match || typeof value !== 'string' || value.trim() === '') continue;
		const q = parseQuantity(value);
		if (!q.ok) return { ok: false, errors: { form: q.message }, fields: echo };
		lines.push({ priceItemId: Number(match[1]), quantityHundredths: q.hundredths });
	}
	return {
		ok: true,
		data: { ...parsed.data, lines, note: parsed.data.note || null },
		fields: echo
	};
}

/** the quantities as typed, to show them again when the order is refused */
function typedQuantities(form: FormData): Record<string, string> {
	return Object.fromEntries(
		[...form].filter(([key, value]) => QUANTITY.test(key) && typeof value === 'string') as [
			string,
			string
		][]
	);
}

function strings(data: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(data)) if (value != null) out[key] = String(value);
	return out;
}

export const refusalSchema = z.object({
	reason: z
		.string({ error: 'Indiquez la raison du refus.' })
		.trim()
		.min(1, 'Indiquez la raison du refus : la commune la lira.')
		.max(1000, 'Ce texte ne peut pas dépasser 1000 caractères.')
});
