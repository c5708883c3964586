import { listAuditLog } from '$lib/server/audit-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ entries: listAuditLog(300) });
