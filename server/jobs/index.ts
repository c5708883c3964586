/** Background jobs of the server process: idempotent, each guarded against overlapping runs. */
import { deliverOutstanding, requeueInterrupted } from '../../src/lib/server/mail/outbox';
import { log } from '../../src/lib/server/log';
import { startNeedsProjection } from '../../src/lib/server/boards/projection';

type Job = { name: string; everyMs: number; run: () => Promise<unknown> | unknown };

const JOBS: Job[] = [{ name: 'outbox', everyMs: 30_000, run: deliverOutstanding }];

export function startJobs(): () => void {
	requeueInterrupted();
	const stopProjection = startNeedsProjection();
	const timers = JOBS.map((job) => {
		let running = false;
		const timer = setInterval(async () => {
			if (running) return;
			running = true;
			try {
				await job.run();
			} catch (err) {
				log().error({ err, job: job.name }, 'job failed');
			} finally {
				running = false;
			}
		}, job.everyMs);
		timer.unref();
		return timer;
	});
	return () => {
		stopProjection();
		timers.forEach(clearInterval);
	};
}
