/** The buyer's form that moves a contract along its lifecycle (domain/catalogue/lifecycle). */
import { z } from 'zod';
import { isContractStatus } from '../../domain/catalogue/types';

/** a field read as typed, or undefined: this form reports nothing field by field */
const loose = z.string().optional().catch(undefined);

/**
 * The select offers only the moves open today, so an unknown status is a forged or stale form:
 * it is reported for the whole form, not for a field.
 */
export const transitionSchema = z.object({ to: loose, note: loose }).transform((f, ctx) => {
	if (!isContractStatus(f.to)) {
		ctx.addIssue({ code: 'custom', message: 'Statut inconnu.', path: ['form'] });
		return z.NEVER;
	}
	return { to: f.to, note: (f.note ?? '').trim().slice(0, 500) || null };
});
