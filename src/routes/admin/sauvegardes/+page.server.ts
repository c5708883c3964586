import { fail } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { backupNow, backupsPage } from '$lib/server/backup/page';
import type { Actions, PageServerLoad } from './$types';

// the admin layout's check is not enough: a client can ask __data.json for this load alone
export const load: PageServerLoad = (event) => {
	ensure(can(requireUser(event), 'backup.manage'));
	return backupsPage();
};

export const actions: Actions = {
	backup: async (event) => {
		ensure(can(requireUser(event), 'backup.manage'));
		const outcome = await backupNow();
		if (!outcome.ok) return fail(outcome.status, { error: outcome.message });
		return { success: outcome.message };
	}
};
