/**
 * The durable state of background jobs (tables/jobs.ts): the period each job has covered, and a
 * lease so that one process at a time runs a job. Every change is one conditional UPDATE, so two
 * processes racing for a job cannot both win.
 */
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '../db/client';
import { jobState } from '../db/schema';

export type JobStateRow = typeof jobState.$inferSelect;

/** The job's row, created on first sight as covered up to `now` (a new job does not replay the past). */
export function ensureJob(name: string, now: Date): JobStateRow {
	const db = getDb();
	db.insert(jobState).values({ name, coveredUntil: now }).onConflictDoNothing().run();
	return db.select().from(jobState).where(eq(jobState.name, name)).get()!;
}

/** true when `owner` now holds the job until `now + leaseMs` (it was free, expired or already its own). */
export function acquireLease(name: string, owner: string, now: Date, leaseMs: number): boolean {
	const result = getDb()
		.update(jobState)
		.set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs), lastRunAt: now })
		.where(
			and(
				eq(jobState.name, name),
				or(
					isNull(jobState.leaseUntil),
					lt(jobState.leaseUntil, now),
					eq(jobState.leaseOwner, owner)
				)
			)
		)
		.run();
	return result.changes === 1;
}

/** Records a successful run that covered up to `coveredUntil`, and frees the job. */
export function completeRun(name: string, owner: string, coveredUntil: Date, now: Date) {
	getDb()
		.update(jobState)
		.set({
			coveredUntil,
			lastSuccessAt: now,
			lastError: null,
			failures: 0,
			leaseOwner: null,
			leaseUntil: null
		})
		.where(and(eq(jobState.name, name), eq(jobState.leaseOwner, owner)))
		.run();
}

/** Records a failed run: the covered period stays where it was, so the next run retries it. */
export function failRun(name: string, owner: string, error: string, failures: number) {
	getDb()
		.update(jobState)
		.set({ lastError: error.slice(0, 2000), failures, leaseOwner: null, leaseUntil: null })
		.where(and(eq(jobState.name, name), eq(jobState.leaseOwner, owner)))
		.run();
}

export function listJobStates(): JobStateRow[] {
	return getDb().select().from(jobState).orderBy(asc(jobState.name)).all();
}
