/**
 * Every reminder is keyed by what it is about: a key is stored once (a unique index) before the
 * reminder goes out, so a job that runs twice, or again after a restart, sends nothing twice.
 * The key names the subject and the occasion, never the time the job happened to run.
 */
import type { EscalationStage } from './escalation';

/**
 * `on`, when given, is the date the reminder is about (an end, a deadline, a session's day): a
 * date moved later (a contract extended, a session postponed) is a new occasion, reminded again.
 */
export type ReminderSubject =
	| { kind: 'contract-end'; contractId: number; daysBefore: number; on?: string }
	| { kind: 'lot-end'; lotId: number; daysBefore: number; on?: string }
	| { kind: 'relaunch'; contractId: number; successorId: number }
	| { kind: 'interest-deadline'; contractId: number; daysBefore: number; on?: string }
	| { kind: 'ceiling'; contractId: number; percent: 80 | 100 }
	| { kind: 'budget-deadline'; organisationId: number; vehicle: string; year: number }
	| { kind: 'group-session'; sessionId: number; on?: string }
	/** a contract reaches a status at most once (the lifecycle only moves forward) */
	| { kind: 'catalogue-news'; contractId: number; status: string }
	| {
			kind: 'acknowledgement';
			announcementId: number;
			organisationId: number;
			stage: EscalationStage;
	  };

export function reminderKey(s: ReminderSubject): string {
	const on = 'on' in s && s.on ? `:${s.on}` : '';
	switch (s.kind) {
		case 'contract-end':
			return `contract-end:${s.contractId}:${s.daysBefore}${on}`;
		case 'lot-end':
			return `lot-end:${s.lotId}:${s.daysBefore}${on}`;
		case 'relaunch':
			return `relaunch:${s.contractId}:${s.successorId}`;
		case 'interest-deadline':
			return `interest-deadline:${s.contractId}:${s.daysBefore}${on}`;
		case 'ceiling':
			return `ceiling:${s.contractId}:${s.percent}`;
		case 'budget-deadline':
			return `budget-deadline:${s.organisationId}:${s.year}:${s.vehicle}`;
		case 'group-session':
			return `group-session:${s.sessionId}${on}`;
		case 'catalogue-news':
			return `catalogue-news:${s.contractId}:${s.status}`;
		case 'acknowledgement':
			return `ack:${s.announcementId}:${s.organisationId}:${s.stage}`;
	}
}

export const DEFAULT_END_HORIZONS = [180, 90, 30] as const;

/**
 * Which "days before" milestone is due for a date `daysLeft` days away: the nearest horizon
 * already reached. After a downtime that skipped the 180-day milestone and reached the 90-day
 * one, only the 90-day reminder is due (the 180-day one would say something no longer true).
 * null when no horizon is reached yet or the date has passed.
 */
export function dueHorizon(
	daysLeft: number,
	horizons: readonly number[] = DEFAULT_END_HORIZONS
): number | null {
	if (daysLeft < 0) return null;
	const reached = horizons.filter((h) => daysLeft <= h);
	return reached.length ? Math.min(...reached) : null;
}
