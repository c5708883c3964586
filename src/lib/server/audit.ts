import { getDb } from './db/client';
import { auditLog } from './db/schema';
import { now as clockNow } from './clock';

export interface AuditEntry {
	actorId: number | null;
	action: string;
	subjectType: string;
	subjectId?: string | number | null;
	details?: Record<string, unknown>;
	ip?: string | null;
}

/** Appends to the audit log; call it inside the transaction of the change it records. */
export function audit(entry: AuditEntry, now = clockNow()) {
	getDb()
		.insert(auditLog)
		.values({
			at: now,
			actorId: entry.actorId,
			action: entry.action,
			subjectType: entry.subjectType,
			subjectId: entry.subjectId == null ? null : String(entry.subjectId),
			details: entry.details ? JSON.stringify(entry.details) : null,
			ip: entry.ip ?? null
		})
		.run();
}
