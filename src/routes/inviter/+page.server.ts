import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { InviteForm, invitationPage } from '$lib/server/auth/invitation-page';
import { inviteUser } from '$lib/server/auth/invitations';
import { getOrganisation } from '$lib/server/directory';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	if (!can(user, 'invitation.send'))
		error(403, 'Seuls les référents, les acheteurs et les administrateurs peuvent inviter.');
	return invitationPage(user);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = parseForm(InviteForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const organisation = getOrganisation(form.data.organisationId);
		if (!organisation) return invalid(400, { organisationId: 'Organisation inconnue.' }, form.data);
		const allowed = can(user, 'user.invite', {
			organisationId: organisation.id,
			kind: organisation.kind,
			role: form.data.role
		});
		if (!allowed) {
			return invalid(
				403,
				{ role: 'Vous ne pouvez pas inviter une personne avec ce rôle dans cette organisation.' },
				form.data
			);
		}
		const result = inviteUser(form.data, user);
		if (!result.ok) {
			return invalid(400, { email: result.message }, form.data);
		}
		return { success: `Invitation envoyée à ${form.data.email}.` };
	}
};
