/** The form that starts a report: a contract of the catalogue (lot, modules) or a solution bought elsewhere. */
import { z } from 'zod';
import { requireSolutionElsewhere } from '../forms';
import { isModule, type Module } from '../../domain/catalogue/types';

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

const name = z.string().trim().max(200, 'Ce nom ne peut pas dépasser 200 caractères.').default('');

export const newReportSchema = z
	.object({
		contractId: optionalId,
		lotId: optionalId,
		modules: z
			.union([z.string(), z.array(z.string())])
			.optional()
			.transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]))
			.pipe(z.array(z.string().refine(isModule, 'Option inconnue.'))),
		solutionName: name,
		supplierName: name
	})
	.superRefine((d, ctx) => {
		if (d.contractId) {
			if (d.solutionName || d.supplierName)
				ctx.addIssue({
					code: 'custom',
					path: ['solutionName'],
					message:
						'Choisissez soit un marché du catalogue, soit une solution acquise ailleurs, pas les deux.'
				});
			return;
		}
		if (d.lotId)
			ctx.addIssue({ code: 'custom', path: ['lotId'], message: 'Choisissez d’abord le marché.' });
		requireSolutionElsewhere(d, ctx);
	})
	.transform((d) => ({ ...d, modules: d.modules as Module[] }));

export type NewReportInput = z.infer<typeof newReportSchema>;

export const reportFiltersSchema = z.object({
	contractId: optionalId
});
