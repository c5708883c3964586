/** The fields of a working group as its creation and edit forms submit them. */
import { z } from 'zod';
import { PHASES, checkPhaseDates } from '../../domain/boards/phases';
import { fields } from '../forms';

const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null);

const DATE_KEYS = {
	collecting: 'collectingFrom',
	prioritising: 'prioritisingFrom',
	phasing: 'phasingFrom',
	closed: 'closesOn'
} as const;

export const GroupFields = z
	.object({
		title: fields.requiredText('le titre du groupe', 120),
		theme: fields.requiredText('la thématique', 80),
		description: z
			.string()
			.trim()
			.max(2000, 'La description ne peut pas dépasser 2000 caractères.')
			.default(''),
		visibility: z.enum(['open', 'members'], { error: 'Choisissez qui peut voir le groupe.' }),
		collectingFrom: optionalDate,
		prioritisingFrom: optionalDate,
		phasingFrom: optionalDate,
		closesOn: optionalDate,
		agentsMayVote: z
			.string()
			.optional()
			.transform((v) => v === 'on')
	})
	.superRefine((g, ctx) => {
		const errors = checkPhaseDates({
			collecting: g.collectingFrom,
			prioritising: g.prioritisingFrom,
			phasing: g.phasingFrom,
			closed: g.closesOn
		});
		for (const phase of PHASES) {
			const message = errors[phase];
			if (message) ctx.addIssue({ code: 'custom', path: [DATE_KEYS[phase]], message });
		}
	});

export type GroupFieldsInput = z.infer<typeof GroupFields>;

/** The edit form: the fields, the phase, and the version the form was opened at. */
export const GroupEdit = GroupFields.and(
	z.object({
		phase: z.enum(PHASES, { error: 'Phase inconnue.' }),
		version: z.coerce.number({ error: 'Version inconnue.' }).int().positive('Version inconnue.')
	})
);

/** A buyer's move of the group to the next phase or back to the previous one. */
export const PhaseForm = z.object({ to: z.enum(PHASES, { error: 'Phase inconnue.' }) });

/** An organisation added to or removed from the group by those who run it. */
export const MembershipForm = z.object({ organisationId: fields.id });

/** The answer to a commune's request to join. */
export const JoinDecisionForm = z.object({
	organisationId: fields.id,
	decision: z.enum(['accept', 'refuse'], { error: 'Décision inconnue.' })
});
