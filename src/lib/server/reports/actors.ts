/**
 * Automerge actors and the people behind them. A browser picks a random actor id; the hub binds
 * it to the signed-in user who first sends a change of it. From then on a change of that actor
 * from anyone else is a forgery, and attribution ("who wrote this passage") reads the binding.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { reportActors } from '../db/schema';

/** actor → user id (null: made by the server) for every actor bound on the report */
export function reportActorUsers(reportId: number): Map<string, number | null> {
	const rows = getDb()
		.select({ actor: reportActors.actor, userId: reportActors.userId })
		.from(reportActors)
		.where(eq(reportActors.reportId, reportId))
		.all();
	return new Map(rows.map((r) => [r.actor, r.userId]));
}

/** Binds `actor` to `userId` unless it is bound already (the first binding stands). */
export function bindActor(reportId: number, actor: string, userId: number | null) {
	getDb()
		.insert(reportActors)
		.values({ reportId, actor, userId })
		.onConflictDoNothing({ target: [reportActors.reportId, reportActors.actor] })
		.run();
}
