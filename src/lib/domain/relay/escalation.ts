/**
 * Escalation of an announcement that requires acknowledgement (« Accusé de lecture requis »), per
 * commune that has not acknowledged: after N working days a reminder to its people, after N more
 * a mail to its referent, after N more it is listed for the buyer to call. N is the announcement's
 * own setting, 3 by default (issue 17).
 */
import { addWorkingDays } from './working-days';

export const ESCALATION_STAGES = ['reminder', 'to-referent', 'call'] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number];

export const DEFAULT_ESCALATION_WORKING_DAYS = 3;

export const ESCALATION_LABELS: Record<EscalationStage, string> = {
	reminder: 'Rappel envoyé',
	'to-referent': 'Référent relancé',
	call: 'À appeler'
};

/** The day each stage falls due for an announcement published on `publishedDay`. */
export function escalationDays(
	publishedDay: string,
	workingDays = DEFAULT_ESCALATION_WORKING_DAYS
): Record<EscalationStage, string> {
	const reminder = addWorkingDays(publishedDay, workingDays);
	const toReferent = addWorkingDays(reminder, workingDays);
	return { reminder, 'to-referent': toReferent, call: addWorkingDays(toReferent, workingDays) };
}

/**
 * The stages due on `today` that were not done yet, in order. After a downtime several can be
 * due at once: only the furthest is worth doing, but the earlier ones are returned too so that
 * each is recorded once (their keys) and never sent later.
 */
export function dueStages(
	publishedDay: string,
	today: string,
	done: readonly EscalationStage[],
	workingDays = DEFAULT_ESCALATION_WORKING_DAYS
): EscalationStage[] {
	const days = escalationDays(publishedDay, workingDays);
	return ESCALATION_STAGES.filter((s) => days[s] <= today && !done.includes(s));
}
