import { redirect } from '@sveltejs/kit';
import { ROLE_LABELS } from '$lib/domain/roles';
import { passwordProblem } from '$lib/domain/password-policy';
import { invitationSchema } from '$lib/server/auth/account-forms';
import { acceptInvitation, findInvitation } from '$lib/server/auth/invitations';
import { signIn } from '$lib/server/auth/sign-in';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const invitation = findInvitation(params.token);
	if (!invitation) return { invitation: null };
	return {
		invitation: {
			email: invitation.email,
			name: invitation.name,
			roleLabel: ROLE_LABELS[invitation.role],
			organisationName: invitation.organisationName
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const invitation = findInvitation(event.params.token);
		if (!invitation) return invalid(410, { form: 'Cette invitation n’est plus valable.' }, {});
		const form = parseForm(invitationSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const problem = passwordProblem(form.data.newPassword, invitation.email);
		if (problem) return invalid(400, { newPassword: problem }, { name: form.data.name });
		const accepted = await acceptInvitation(
			event.params.token,
			form.data.name,
			form.data.newPassword
		);
		if (!accepted) return invalid(410, { form: 'Cette invitation n’est plus valable.' }, {});
		signIn(event, accepted.userId);
		redirect(303, '/?bienvenue=1');
	}
};
