import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { invalid } from '$lib/server/forms';
import { reportPage } from '$lib/server/reports/report-pages';
import { publishReport } from '$lib/server/reports/reports';
import type { Actions, PageServerLoad } from './$types';

function reportId(param: string): number {
	const id = Number(param);
	if (!Number.isInteger(id) || id <= 0) error(404, 'Ce retour est introuvable.');
	return id;
}

export const load: PageServerLoad = (event) => {
	const page = reportPage(requireUser(event), reportId(event.params.id));
	// a draft one may not read is not shown to exist
	if (!page) error(404, 'Ce retour est introuvable.');
	return page;
};

export const actions: Actions = {
	publish: async (event) => {
		const user = requireUser(event);
		const done = publishReport(user, reportId(event.params.id));
		if (!done.ok) return invalid(done.status, done.errors, {}, { action: 'publish' });
		return { success: 'Le retour est publié : les membres du portail lisent cette version.' };
	}
};
