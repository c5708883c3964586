/** The form of « Nous l'utilisons »: one solution the commune uses, and who may be contacted. */
import { z } from 'zod';
import { requireSolutionElsewhere } from '../forms';
import { isModule, type Module } from '../../domain/catalogue/types';
import { fields } from '../forms';

const optionalId = z
	.string()
	.optional()
	.transform((v, ctx) => {
		if (!v) return null;
		const n = Number(v);
		if (!Number.isInteger(n) || n <= 0) {
			ctx.addIssue({ code: 'custom', message: 'Choix invalide.' });
			return z.NEVER;
		}
		return n;
	});

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === '1');

export const usageSchema = z
	.object({
		usageId: optionalId,
		contractId: optionalId,
		solutionName: z
			.string()
			.trim()
			.max(200, 'Ce nom ne peut pas dépasser 200 caractères.')
			.default(''),
		supplierName: z
			.string()
			.trim()
			.max(200, 'Ce nom ne peut pas dépasser 200 caractères.')
			.default(''),
		modules: z
			.union([z.string(), z.array(z.string())])
			.optional()
			.transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]))
			.pipe(z.array(z.string().refine(isModule, 'Option inconnue.'))),
		version: z
			.string()
			.trim()
			.max(100, 'La version ne peut pas dépasser 100 caractères.')
			.default(''),
		since: z.string().trim().max(10).default(''),
		contactAgents: checkbox,
		contactReferents: checkbox
	})
	.superRefine((d, ctx) => {
		// a new use names a contract of the catalogue or a solution with its supplier
		if (d.usageId || d.contractId) return;
		requireSolutionElsewhere(d, ctx);
	})
	.transform((d) => ({ ...d, modules: d.modules as Module[] }));

export type UsageInput = z.infer<typeof usageSchema>;

export const usageRemoveSchema = z.object({
	usageId: fields.id,
	confirm: fields.deletionConfirmed
});
