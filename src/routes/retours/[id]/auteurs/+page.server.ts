import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { inviteCoAuthorSchema, removeCoAuthorSchema } from '$lib/server/reports/co-author-form';
import { coAuthorsPage, inviteCoAuthor, removeCoAuthor } from '$lib/server/reports/co-authors';
import type { Actions, PageServerLoad } from './$types';

function reportId(param: string): number {
	const parsed = fields.id.safeParse(param);
	if (!parsed.success) error(404, 'Ce retour est introuvable.');
	return parsed.data;
}

export const load: PageServerLoad = (event) => {
	const page = coAuthorsPage(requireUser(event), reportId(event.params.id));
	if (!page) error(404, 'Ce retour est introuvable.');
	return page;
};

export const actions: Actions = {
	invite: async (event) => {
		const user = requireUser(event);
		const form = parseForm(inviteCoAuthorSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'invite' });
		const done = inviteCoAuthor(user, reportId(event.params.id), form.data.email);
		if (!done.ok) return invalid(done.status, done.errors, form.data, { action: 'invite' });
		return { success: `${done.value} peut maintenant co-écrire ce retour.` };
	},
	remove: async (event) => {
		const user = requireUser(event);
		const form = parseForm(removeCoAuthorSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, {}, { action: 'remove' });
		const done = removeCoAuthor(user, reportId(event.params.id), form.data.userId);
		if (!done.ok) return invalid(done.status, done.errors, {}, { action: 'remove' });
		return { success: `${done.value} n’écrit plus ce retour.` };
	}
};
