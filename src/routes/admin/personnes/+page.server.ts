import { can } from '$lib/domain/permissions';
import { ROLE_LABELS, roleFitsKind, rolesForKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { changeRole, getUser, listUsers, setDisabled } from '$lib/server/users';
import { AccountSwitchForm, RoleForm } from '$lib/server/users-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	// the admin layout's check does not run for a page's data requested alone (__data.json)
	const user = requireUser(event);
	ensure(can(user, 'user.listAll'));
	return {
		users: listUsers().map((u) => ({
			...u,
			roles: rolesForKind(u.organisationKind),
			mayChangeRole: can(user, 'user.changeRole', { userId: u.id }),
			mayManage: can(user, 'user.manage', {
				organisationId: u.organisationId,
				role: u.role,
				userId: u.id
			})
		})),
		roleLabels: ROLE_LABELS
	};
};

export const actions: Actions = {
	role: async (event) => {
		const user = requireUser(event);
		const form = parseForm(RoleForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		const target = getUser(form.data.userId);
		if (!target) return invalid(404, { form: 'Cette personne n’existe pas.' });
		if (!can(user, 'user.changeRole', { userId: target.id }))
			return invalid(403, { form: 'Vous ne pouvez pas changer votre propre rôle.' });
		if (!roleFitsKind(form.data.role, target.organisationKind)) {
			return invalid(400, {
				form: `Le rôle « ${ROLE_LABELS[form.data.role]} » ne convient pas à l'organisation de ${target.name}.`
			});
		}
		changeRole(user.id, target.id, form.data.role);
		return {
			success: `${target.name} est maintenant ${ROLE_LABELS[form.data.role].toLowerCase()}.`
		};
	},
	setDisabled: async (event) => {
		const user = requireUser(event);
		const form = parseForm(AccountSwitchForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		const done = setDisabled(user, form.data.userId, form.data.disabled);
		// an admin manages everyone but themselves: that is the only refusal they can meet here
		if (!done.ok && done.status === 403)
			return invalid(403, { form: 'Vous ne pouvez pas désactiver votre propre compte.' });
		if (!done.ok) return invalid(done.status, { form: done.message });
		return { success: done.message };
	}
};
