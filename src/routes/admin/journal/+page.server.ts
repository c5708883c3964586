import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { listAuditLog } from '$lib/server/audit-log';
import type { PageServerLoad } from './$types';

// the admin layout's check is not enough: a client can ask __data.json for this load alone
export const load: PageServerLoad = (event) => {
	ensure(can(requireUser(event), 'audit.read'));
	return { entries: listAuditLog(300) };
};
