import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { createGroup } from '$lib/server/boards/groups';
import { GroupFields } from '$lib/server/boards/group-form';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	ensure(can(user, 'group.create'));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		ensure(can(user, 'group.create'));
		const form = parseForm(GroupFields, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const id = createGroup(form.data, user);
		redirect(303, `/groupes/${id}`);
	}
};
