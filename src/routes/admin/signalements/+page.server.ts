import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { abuseReportsPage, resolveReport } from '$lib/server/peers/abuse';
import { resolveSchema } from '$lib/server/peers/message-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const page = abuseReportsPage(requireUser(event));
	if (!page) error(403, "Vous n'avez pas les droits nécessaires pour cette page.");
	return page;
};

export const actions: Actions = {
	resolve: async (event) => {
		const user = requireUser(event);
		const form = parseForm(resolveSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		const done = resolveReport(user, form.data.reportId);
		if (!done.ok) return invalid(done.status, { form: done.message });
		return { success: done.message };
	}
};
