import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import { ROLE_LABELS, rolesForKind } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import { getOrganisationBySlug, listMembers } from '$lib/server/directory';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { getUser, setDisabled } from '$lib/server/users';
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
		const form = parseForm(
			z.object({ userId: fields.id, disabled: z.enum(['0', '1'], { error: 'Action inconnue.' }) }),
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
			return invalid(403, { form: 'Vous ne pouvez pas gérer le compte de cette personne.' });
		}
		const disabled = form.data.disabled === '1';
		setDisabled(user.id, target.id, disabled);
		return {
			success: disabled
				? `Le compte de ${target.name} est désactivé.`
				: `Le compte de ${target.name} est réactivé.`
		};
	}
};
