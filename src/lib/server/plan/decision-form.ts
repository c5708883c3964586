/** The form « Enregistrer une décision »: which decision, its date and its reference. */
import { z } from 'zod';
import { isCalendarDate } from '../../domain/commune-budget-calendar';
import { DECISION_KINDS } from '../../domain/plan/decisions';
import { fields } from '../forms';

export function decisionSchema(today: string) {
	return z.object({
		intentionId: fields.id,
		kind: z.enum(DECISION_KINDS, { error: 'Choisissez la décision prise.' }),
		decidedOn: z
			.string({ error: 'Indiquez la date de la décision.' })
			.trim()
			.refine(isCalendarDate, 'Indiquez une date, par exemple 2026-12-15.')
			.refine(
				(d) => d <= today,
				'Une décision enregistrée est déjà prise : sa date ne peut pas être future.'
			),
		reference: fields.requiredText('la référence de la décision', 80)
	});
}
