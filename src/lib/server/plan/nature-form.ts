/**
 * The form « Le directeur financier a choisi » on one price item of an intention: the budget
 * service the finance director chose, or back to the portal's suggestion.
 */
import { z } from 'zod';
import { BUDGET_NATURES } from '../../domain/catalogue/types';
import { fields } from '../forms';

/** what the form sends to go back to the suggestion */
export const SUGGESTED = 'suggestion';

export const natureSchema = z.object({
	intentionId: fields.id,
	priceItemId: fields.id,
	nature: z.enum([...BUDGET_NATURES, SUGGESTED], {
		error: 'Choisissez le service ordinaire, extraordinaire ou la suggestion du portail.'
	})
});

export type NatureInput = z.infer<typeof natureSchema>;
