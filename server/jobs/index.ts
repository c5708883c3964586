/** Background jobs of the server process, on the durable schedule of scheduler.ts. */
import { every } from '../../src/lib/domain/schedules';
import { startNeedsProjection } from '../../src/lib/server/boards/projection';
import { deliverOutstanding, requeueInterrupted } from '../../src/lib/server/mail/outbox';
import { Scheduler, type Job } from './scheduler';

/** Each area adds its jobs here; a job must be idempotent over the window it is given. */
export const JOBS: Job[] = [{ name: 'outbox', schedule: every(30_000), run: deliverOutstanding }];

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
