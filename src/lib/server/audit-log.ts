import { desc, eq } from 'drizzle-orm';
import { getDb } from './db/client';
import { auditLog, users } from './db/schema';

/** The most recent audit entries with the actor's name. */
export function listAuditLog(limit = 200) {
	return getDb()
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			subjectType: auditLog.subjectType,
			subjectId: auditLog.subjectId,
			details: auditLog.details,
			actorName: users.name
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.orderBy(desc(auditLog.id))
		.limit(limit)
		.all();
}
