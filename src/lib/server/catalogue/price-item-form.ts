/**
 * The forms of a lot's price items (« postes du bordereau »): add, edit, delete. Each parses to
 * what the verbs in price-items.ts take; the price is typed in euros and kept in cents.
 */
import { z } from 'zod';
import { BUDGET_NATURES, RECURRENCES, isModule, isVatRate } from '../../domain/catalogue/types';
import { fields } from '../forms';
import { optionalEuros } from './contract-form';
import type { PriceItemInput } from './price-items';

const itemFields = z.object({
	label: fields.requiredText('l’intitulé du poste', 200),
	unit: fields.requiredText('l’unité', 40),
	// empty: « prix à fixer », the item is shown but cannot be ordered yet
	unitPrice: optionalEuros(
		'Indiquez un prix en euros, par exemple 780,00, ou laissez vide : prix à fixer.'
	),
	vatRate: z.coerce.number().refine(isVatRate, 'Choisissez un taux de TVA.'),
	recurrence: z.enum(RECURRENCES, { error: 'Choisissez une périodicité.' }),
	budgetNature: z.enum(BUDGET_NATURES, { error: 'Choisissez le service du budget.' }),
	suggestedArticle: z.string().trim().max(40).optional(),
	module: z.string().optional()
});

function toPriceItem(d: z.infer<typeof itemFields>): Omit<PriceItemInput, 'lotId'> {
	return {
		label: d.label,
		unit: d.unit,
		unitPriceCents: d.unitPrice,
		vatRate: isVatRate(d.vatRate) ? d.vatRate : 21,
		recurrence: d.recurrence,
		budgetNature: d.budgetNature,
		suggestedArticle: d.suggestedArticle || null,
		module: isModule(d.module) ? d.module : null
	};
}

/** a new item, in the lot `lotId` */
export const priceItemSchema = z
	.object({ lotId: fields.id, ...itemFields.shape })
	.transform((d): PriceItemInput => ({ lotId: d.lotId, ...toPriceItem(d) }));

/** the item `itemId`, edited: orders already placed keep their own copy of the price */
export const priceItemEditSchema = z
	.object({ itemId: fields.id, ...itemFields.shape })
	.transform((d) => ({ itemId: d.itemId, item: toPriceItem(d) }));

export const priceItemDeleteSchema = z.object({
	itemId: fields.id,
	confirm: fields.deletionConfirmed
});
