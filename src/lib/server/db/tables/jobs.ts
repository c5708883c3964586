/**
 * The durable schedule of background jobs (server/jobs): what each job last covered, and who
 * holds it now. A run that a downtime skipped is caught up at the next start, and two processes
 * started by mistake on the same database never run the same job at once (the lease).
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const jobState = sqliteTable('job_state', {
	name: text('name').primaryKey(),
	/** end of the period the last successful run covered; the next run starts from here */
	coveredUntil: integer('covered_until', { mode: 'timestamp_ms' }).notNull(),
	/** the process holding the job, until `leaseUntil` (a crashed holder's lease simply expires) */
	leaseOwner: text('lease_owner'),
	leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
	lastRunAt: integer('last_run_at', { mode: 'timestamp_ms' }),
	lastSuccessAt: integer('last_success_at', { mode: 'timestamp_ms' }),
	/** the last failure's message, cleared by the next success; shown to admins */
	lastError: text('last_error'),
	/** failures in a row: the retry waits longer after each */
	failures: integer('failures').notNull().default(0)
});
