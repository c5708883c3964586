import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { organisationPage } from '$lib/server/organisation-page';
import { setDisabled } from '$lib/server/users';
import { AccountSwitchForm } from '$lib/server/users-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const page = organisationPage(params.slug, locals.user);
	if (!page) error(404, 'Organisation introuvable');
	return page;
};

export const actions: Actions = {
	setDisabled: async (event) => {
		const user = requireUser(event);
		const form = parseForm(AccountSwitchForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		const done = setDisabled(user, form.data.userId, form.data.disabled);
		if (!done.ok) return invalid(done.status, { form: done.message });
		return { success: done.message };
	}
};
