import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import { ROLES, ROLE_LABELS, roleFitsKind, rolesForKind } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { changeRole, getUser, listUsers, setDisabled } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
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
		const form = parseForm(
			z.object({ userId: fields.id, role: z.enum(ROLES, { error: 'Rôle inconnu.' }) }),
			await event.request.formData()
		);
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
		const form = parseForm(
			z.object({ userId: fields.id, disabled: z.enum(['0', '1']) }),
			await event.request.formData()
		);
		if (!form.ok) return invalid(400, form.errors);
		const target = getUser(form.data.userId);
		if (!target) return invalid(404, { form: 'Cette personne n’existe pas.' });
		if (
			!can(user, 'user.manage', {
				organisationId: target.organisationId,
				role: target.role,
				userId: target.id
			})
		) {
			return invalid(403, { form: 'Vous ne pouvez pas désactiver votre propre compte.' });
		}
		setDisabled(user.id, target.id, form.data.disabled === '1');
		return {
			success:
				form.data.disabled === '1'
					? `Le compte de ${target.name} est désactivé.`
					: `Le compte de ${target.name} est réactivé.`
		};
	}
};
