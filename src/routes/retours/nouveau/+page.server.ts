import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { newReportSchema } from '$lib/server/reports/report-form';
import { newReportPage } from '$lib/server/reports/report-pages';
import { createReport } from '$lib/server/reports/reports';
import type { Actions, PageServerLoad } from './$types';

const REFUSED = "Seules les personnes d'une commune écrivent ses retours d'expérience.";

export const load: PageServerLoad = (event) => {
	const page = newReportPage(requireUser(event));
	if (!page) error(403, REFUSED);
	// « Écrire un retour » on a contract page names the contract: chosen already if the commune may
	const marche = event.url.searchParams.get('marche') ?? '';
	return { ...page, prefill: page.contracts.some((c) => String(c.id) === marche) ? marche : '' };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const raw = await event.request.formData();
		const form = parseForm(newReportSchema, raw);
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const done = createReport(user, form.data);
		if (!done.ok) {
			const { modules: _modules, ...typed } = form.data;
			return invalid(done.status, done.errors, typed);
		}
		redirect(303, `/retours/${done.value}`);
	}
};
