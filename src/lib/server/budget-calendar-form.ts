/** The budget calendar page's forms: one year's dates saved, or given back to the defaults. */
import { z } from 'zod';
import { MAX_BUDGET_YEAR, MIN_BUDGET_YEAR } from '../domain/commune-budget-calendar';
import { fields } from './forms';

/** blank is "not known yet", stored as null */
const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null);

/** The dates' order and plausibility are checked by checkCommuneBudgetDates afterwards. */
export const BudgetCalendarForm = z.object({
	organisationId: fields.id,
	year: z.coerce
		.number({ error: 'Indiquez une année budgétaire.' })
		.int('Indiquez une année budgétaire.')
		.min(MIN_BUDGET_YEAR, `Indiquez une année budgétaire à partir de ${MIN_BUDGET_YEAR}.`)
		.max(MAX_BUDGET_YEAR, `Indiquez une année budgétaire avant ${MAX_BUDGET_YEAR}.`),
	initialVote: z.string().trim().default(''),
	mb1: optionalDate,
	mb2: optionalDate
});

export const BudgetCalendarResetForm = BudgetCalendarForm.pick({
	organisationId: true,
	year: true
});
