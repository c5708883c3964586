/**
 * Runs background jobs on their durable schedule (src/lib/server/jobs/state.ts). Each tick, a job
 * whose due instant has passed is leased, run over the window it has not covered yet, and its
 * covered period moved to the start of that run. A run that fails leaves the period uncovered, so
 * it is retried (after a growing delay); a run that a crash interrupts is retried once its lease
 * expires. A job must therefore be idempotent over its window: reminders are keyed by what they
 * are about, mails by their outbox row.
 */
import { randomUUID } from 'node:crypto';
import { retryDelayMs, type Schedule } from '../../src/lib/domain/schedules';
import { now as clockNow } from '../../src/lib/server/clock';
import { acquireLease, completeRun, ensureJob, failRun } from '../../src/lib/server/jobs/state';
import { log } from '../../src/lib/server/log';

export interface JobWindow {
	/** the end of the period the last successful run covered */
	from: Date;
	/** the start of this run: everything due up to here is this run's business */
	to: Date;
}

export interface Job {
	name: string;
	schedule: Schedule;
	run: (window: JobWindow) => Promise<unknown> | unknown;
	/** how long a run may take before another process may take the job over (default 10 min) */
	leaseMs?: number;
}

const DEFAULT_LEASE_MS = 10 * 60_000;

export interface SchedulerOptions {
	tickMs?: number;
	owner?: string;
	clock?: () => Date;
}

export class Scheduler {
	readonly owner: string;
	private readonly clock: () => Date;
	private readonly tickMs: number;
	private readonly running = new Set<string>();
	private timer: NodeJS.Timeout | null = null;

	constructor(
		private readonly jobs: Job[],
		options: SchedulerOptions = {}
	) {
		this.owner = options.owner ?? randomUUID();
		this.clock = options.clock ?? clockNow;
		this.tickMs = options.tickMs ?? Number(process.env.JOBS_TICK_MS || 15_000);
	}

	/** Ticks at once (catching up after a downtime), then every `tickMs`. */
	start() {
		void this.tick();
		this.timer = setInterval(() => void this.tick(), this.tickMs);
		this.timer.unref();
	}

	stop() {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}

	/** Starts every job that is due and free; resolves when the runs it started have ended. */
	async tick(): Promise<void> {
		await Promise.all(this.jobs.map((job) => this.runIfDue(job)));
	}

	private async runIfDue(job: Job) {
		if (this.running.has(job.name)) return;
		const now = this.clock();
		const state = ensureJob(job.name, now);
		const due = job.schedule(state.coveredUntil).getTime();
		const retry = (state.lastRunAt?.getTime() ?? 0) + retryDelayMs(state.failures);
		if (now.getTime() < Math.max(due, state.failures ? retry : 0)) return;
		if (!acquireLease(job.name, this.owner, now, job.leaseMs ?? DEFAULT_LEASE_MS)) return;
		this.running.add(job.name);
		try {
			await job.run({ from: state.coveredUntil, to: now });
			completeRun(job.name, this.owner, now, this.clock());
		} catch (err) {
			log().error({ err, job: job.name }, 'job failed');
			failRun(
				job.name,
				this.owner,
				err instanceof Error ? err.message : String(err),
				state.failures + 1
			);
		} finally {
			this.running.delete(job.name);
		}
	}
}
