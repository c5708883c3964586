/**
 * A commune's forms on a contract's page: its interest before the procedure (maximum quantity
 * and estimate, which bind the framework: CJEU C-216/17) and its adhesion after the award. Each
 * parses to what the verbs in commitments.ts take.
 */
import { z } from 'zod';
import { isCalendarDate } from '../../domain/catalogue/dates';
import { parseEuroAmount } from '../../domain/catalogue/money';
import { parseQuantity } from '../../domain/catalogue/quantity';
import { isModule, type Module } from '../../domain/catalogue/types';
import { fields } from '../forms';
import type { AdhesionInput, InterestInput } from './commitments';

export const interestSchema = z
	.object({
		maxQuantity: z.string({ error: 'Indiquez une quantité maximale.' }).transform((v, ctx) => {
			const parsed = parseQuantity(v);
			if (parsed.ok && parsed.hundredths === 0)
				ctx.addIssue({ code: 'custom', message: 'Indiquez une quantité plus grande que 0.' });
			else if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
			return parsed.ok ? parsed.hundredths : z.NEVER;
		}),
		estimatedAmount: z.string().transform((v, ctx) => {
			const cents = parseEuroAmount(v);
			if (cents === null || cents < 0) {
				ctx.addIssue({
					code: 'custom',
					message: 'Indiquez un montant en euros, par exemple 12 500,00.'
				});
				return z.NEVER;
			}
			return cents;
		}),
		note: z.string().trim().max(1000, 'Ce texte ne peut pas dépasser 1000 caractères.').optional()
	})
	.transform((d): InterestInput => ({
		maxQuantityHundredths: d.maxQuantity,
		estimatedAmountCents: d.estimatedAmount,
		note: d.note || null
	}));

const date = (label: string) =>
	z.string({ error: `Indiquez ${label}.` }).refine(isCalendarDate, `Indiquez ${label} valide.`);

export const adhesionSchema = z
	.object({
		decisionReference: fields.requiredText('la référence de la décision du collège', 100),
		decisionDate: date('la date de la décision'),
		modules: z
			.union([z.string(), z.array(z.string())], { error: 'Choisissez au moins une option.' })
			.transform((v) => (Array.isArray(v) ? v : [v]))
			.pipe(
				z
					.array(z.string().refine(isModule, 'Option inconnue.'))
					.min(1, 'Choisissez au moins une option.')
			),
		estimatedQuantities: z.string().trim().max(2000, 'Ce texte est trop long.').default('')
	})
	.transform((d): AdhesionInput => ({
		...d,
		modules: d.modules.filter((m): m is Module => isModule(m))
	}));
