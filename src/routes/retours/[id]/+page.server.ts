import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm, readForm } from '$lib/server/forms';
import { reportIdParam } from '$lib/server/reports/params';
import { publishSchema } from '$lib/server/reports/publish-form';
import { replyToReport } from '$lib/server/reports/replies';
import { replySchema } from '$lib/server/reports/reply-form';
import { reportPage } from '$lib/server/reports/report-pages';
import { publishReport } from '$lib/server/reports/reports';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	// a public report is read without signing in; any other asks a visitor to sign in
	const page = reportPage(event.locals.user, reportIdParam(event.params.id));
	if (!page && !event.locals.user) requireUser(event);
	// a draft one may not read is not shown to exist
	if (!page) error(404, 'Ce retour est introuvable.');
	return page;
};

export const actions: Actions = {
	publish: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(publishSchema, await readForm(() => event.request.formData()));
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'publish' });
		const done = publishReport(user, reportIdParam(event.params.id), parsed.data);
		if (!done.ok) return invalid(done.status, done.errors, {}, { action: 'publish' });
		return {
			success: parsed.data.isPublic
				? 'Le retour est publié : tout le monde peut lire cette version.'
				: 'Le retour est publié : les membres du portail lisent cette version.'
		};
	},
	reply: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(replySchema, await readForm(() => event.request.formData()));
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'reply' });
		const done = replyToReport(user, reportIdParam(event.params.id), parsed.data);
		if (!done.ok) return invalid(done.status, done.errors, parsed.data, { action: 'reply' });
		return { success: 'Votre réponse est publiée sous le retour.' };
	}
};
