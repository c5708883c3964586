/** The buyers' contract form: one zod schema with French messages, for creation and edition. */
import { z } from 'zod';
import { isCalendarDate } from '../../domain/catalogue/dates';
import { isProcedure, isTheme } from '../../domain/catalogue/labels';
import { parseEuroAmount } from '../../domain/catalogue/money';
import { isModule } from '../../domain/catalogue/types';
import { fields } from '../forms';
import type { ContractFields } from './manage';

/** An optional calendar date; empty is null. */
export const optionalDate = z
	.string()
	.optional()
	.transform((v) => (v ? v : null))
	.refine((v) => v === null || isCalendarDate(v), 'Indiquez une date valide.');

/** An optional amount in euros, in cents; empty is null, anything else unreadable gets `message`. */
export function optionalEuros(message: string) {
	return z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (!v?.trim()) return null;
			const cents = parseEuroAmount(v);
			if (cents === null) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return cents;
		});
}

const optionalAmount = optionalEuros('Indiquez un montant en euros, par exemple 150 000,00.');

export const contractSchema = z
	.object({
		title: fields.requiredText('le titre', 200),
		summary: z
			.string()
			.trim()
			.max(600, 'Le résumé ne peut pas dépasser 600 caractères.')
			.default(''),
		description: z.string().max(20_000, 'La description est trop longue.').default(''),
		theme: z
			.string({ error: 'Choisissez une thématique.' })
			.refine(isTheme, 'Choisissez une thématique.'),
		procedure: z
			.string({ error: 'Choisissez une procédure.' })
			.refine(isProcedure, 'Choisissez une procédure.'),
		cpvCodes: z
			.string()
			.default('')
			.transform((v) => v.split(/[\s,;]+/).filter(Boolean))
			.refine(
				(codes) => codes.every((c) => /^\d{8}(-\d)?$/.test(c)),
				'Les codes CPV s’écrivent 72000000-5, séparés par des virgules.'
			),
		sourceUrl: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
			.refine((v) => v === null || /^https:\/\/\S+$/.test(v), 'Indiquez une adresse https://…'),
		interestDeadline: optionalDate,
		tenderCloseDate: optionalDate,
		awardDate: optionalDate,
		startDate: optionalDate,
		endDate: optionalDate,
		maxEndDate: optionalDate,
		estimatedValue: optionalAmount,
		maxValue: optionalAmount,
		modules: z
			.union([z.string(), z.array(z.string())])
			.optional()
			.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(isModule))
	})
	.refine((f) => !f.endDate || !f.startDate || f.endDate >= f.startDate, {
		message: 'La date de fin précède la date de début.',
		path: ['endDate']
	})
	.refine((f) => !f.maxEndDate || !f.endDate || f.maxEndDate >= f.endDate, {
		message: 'La fin maximale précède la date de fin.',
		path: ['maxEndDate']
	});

export function toContractFields(data: z.infer<typeof contractSchema>): ContractFields {
	const { estimatedValue, maxValue, ...rest } = data;
	return { ...rest, estimatedValueCents: estimatedValue, maxValueCents: maxValue };
}

/** Creation adds what never changes afterwards: the reference and the lead centrale. */
export const newContractSchema = z.intersection(
	contractSchema,
	z.object({
		reference: z
			.string({ error: 'Indiquez une référence.' })
			.trim()
			.regex(
				/^[A-Z0-9][A-Z0-9-]{2,40}$/,
				'La référence s’écrit en majuscules, chiffres et tirets, par exemple IGR-2027-ABC-01.'
			),
		centraleId: fields.id
	})
);
