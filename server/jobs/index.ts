/** Background jobs of the server process, on the durable schedule of scheduler.ts. */
import { dailyAt, every, weeklyAt } from '../../src/lib/domain/schedules';
import { backupSchedule } from '../../src/lib/server/backup/schedule';
import { takeBackup } from '../../src/lib/server/backup/take';
import { startNeedsProjection } from '../../src/lib/server/boards/projection';
import { deliverOutstanding, requeueInterrupted } from '../../src/lib/server/mail/outbox';
import { sendDigests } from '../../src/lib/server/relay/digests';
import { runEscalations } from '../../src/lib/server/relay/escalation';
import { runReminders } from '../../src/lib/server/relay/reminders';
import { Scheduler, type Job } from './scheduler';

/** Each area adds its jobs here; a job must be idempotent over the window it is given. */
export const JOBS: Job[] = [
	{ name: 'outbox', schedule: every(30_000), run: ({ to }) => deliverOutstanding(to) },
	// a failed backup is reported (take.ts) and retried after the scheduler's growing delay
	{ name: 'backup', schedule: backupSchedule(), run: runBackup, leaseMs: 60 * 60_000 },
	// unacknowledged announcements move one escalation stage on working days, at 08:00 Brussels
	{ name: 'announcement-escalation', schedule: dailyAt(8), run: ({ to }) => runEscalations(to) },
	// contract ends, relaunches, deadlines, ceilings, budget votes, sessions: each sent once by key,
	// computed from the run's day, so a downtime's are caught up at the next start; the
	// catalogue's changes of the covered window go to the followers of what changed
	{ name: 'reminders', schedule: dailyAt(6), run: ({ from, to }) => runReminders(to, from) },
	// digests cover what arrived since the last one: a downtime's are sent once at the next start
	{
		name: 'digest-daily',
		schedule: dailyAt(7),
		run: ({ from, to }) => sendDigests('daily', from, to)
	},
	{
		name: 'digest-weekly',
		schedule: weeklyAt(1, 7),
		run: ({ from, to }) => sendDigests('weekly', from, to)
	}
];

async function runBackup() {
	const { backup } = await takeBackup('schedule');
	if (!backup.verified) throw new Error(`backup ${backup.name} failed: ${backup.problems[0]}`);
	return backup.name;
}

export function startJobs(): () => void {
	requeueInterrupted();
	const stopProjection = startNeedsProjection();
	const scheduler = new Scheduler(JOBS);
	scheduler.start();
	return () => {
		stopProjection();
		scheduler.stop();
	};
}
