import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ROLE_LABELS, rolesForKind } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import { getOrganisationBySlug, listMembers } from '$lib/server/directory';
import { invalid, parseForm } from '$lib/server/forms';
import { setDisabled } from '$lib/server/users';
import { AccountSwitchForm } from '$lib/server/users-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const found = getOrganisationBySlug(params.slug);
	if (!found) error(404, 'Organisation introuvable');
	const { organisation } = found;
	const user = locals.user;
	const seesMembers = can(user, 'organisation.viewMembers', { organisationId: organisation.id });
	const members = seesMembers
		? listMembers(organisation.id).map((m) => ({
				...m,
				roleLabel: ROLE_LABELS[m.role],
				manageable: can(user, 'user.manage', {
					organisationId: organisation.id,
					role: m.role,
					userId: m.id
				})
			}))
		: null;
	// the link leads to the invitation form: shown to whoever may invite someone here
	const canInvite = rolesForKind(organisation.kind).some((role) =>
		can(user, 'user.invite', { organisationId: organisation.id, kind: organisation.kind, role })
	);
	return { ...found, members, canInvite };
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
