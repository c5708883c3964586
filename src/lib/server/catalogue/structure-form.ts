/** The forms that shape a contract: its lots and the adjudicataires they are awarded to. */
import { z } from 'zod';
import { fields } from '../forms';
import { optionalDate } from './contract-form';

/** an optional choice in a list of rows (empty: none chosen) */
const optionalId = z
	.string()
	.optional()
	.transform((v) => (v ? Number(v) : null))
	.refine((v) => v === null || Number.isSafeInteger(v), 'Choix invalide.');

const supplierFields = {
	name: fields.requiredText('le nom de l’adjudicataire', 200),
	vatNumber: fields.requiredText('le numéro de TVA', 20)
};

export const supplierSchema = z.object(supplierFields);

/** a correction from the list of adjudicataires */
export const supplierEditSchema = z.object({
	supplierId: z.coerce.number().int().positive(),
	...supplierFields
});

export const lotSchema = z.object({
	title: fields.requiredText('l’intitulé du lot', 200),
	supplierId: optionalId,
	endDate: optionalDate
});

export const lotEditSchema = z.object({
	lotId: fields.id,
	supplierId: optionalId,
	endDate: optionalDate
});

export const lotDeleteSchema = z.object({ lotId: fields.id, confirm: fields.deletionConfirmed });
