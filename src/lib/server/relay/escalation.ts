/**
 * The escalation job (server/jobs): for each announcement awaiting acknowledgements, the
 * organisations that have not acknowledged move one stage when its day comes (domain/relay/
 * escalation.ts). Each stage is keyed per announcement and organisation in sent_reminders and
 * inserted before anything is sent, so a stage is acted on once across runs and restarts. After a
 * downtime that skipped stages, the skipped ones are recorded and only the furthest is acted on.
 */
import { eq } from 'drizzle-orm';
import { brusselsDay } from '../../domain/brussels-time';
import { dueStages, ESCALATION_STAGES, type EscalationStage } from '../../domain/relay/escalation';
import { reminderKey } from '../../domain/relay/reminder-keys';
import { now } from '../clock';
import { getDb } from '../db/client';
import { announcements, sentReminders } from '../db/schema';
import { receiptsOf, remindUnacknowledged } from './receipts';

/** Inserts the key; true when this call added it (the reminder is this caller's to send). */
export function claimReminder(key: string, at: Date): boolean {
	return (
		getDb().insert(sentReminders).values({ key, sentAt: at }).onConflictDoNothing().run()
			.changes === 1
	);
}

export function runEscalations(at: Date = now()) {
	const today = brusselsDay(at);
	const db = getDb();
	let acted = 0;
	for (const a of db
		.select()
		.from(announcements)
		.where(eq(announcements.requiresAck, true))
		.all()) {
		const published = brusselsDay(a.publishedAt);
		const byStage = new Map<EscalationStage, number[]>();
		for (const r of receiptsOf(a, today)) {
			if (r.status === 'acknowledged') continue;
			const due = dueStages(published, today, [], a.escalationWorkingDays);
			const claimed = due.filter((stage) =>
				claimReminder(
					reminderKey({
						kind: 'acknowledgement',
						announcementId: a.id,
						organisationId: r.organisationId,
						stage
					}),
					at
				)
			);
			const furthest = claimed.length ? claimed[claimed.length - 1] : null;
			// a stage not claimed now was done by an earlier run: act only on a newly reached one
			if (furthest && furthest === due[due.length - 1]) {
				byStage.set(furthest, [...(byStage.get(furthest) ?? []), r.organisationId]);
			}
		}
		for (const stage of ESCALATION_STAGES) {
			const ids = byStage.get(stage);
			if (!ids?.length || stage === 'call') continue; // « à appeler » is the buyer's list
			remindUnacknowledged(a, { organisationIds: ids, referentsOnly: stage === 'to-referent' });
			acted += ids.length;
		}
	}
	return acted;
}
