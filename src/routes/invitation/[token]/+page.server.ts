import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLE_LABELS } from '$lib/domain/roles';
import { passwordProblem } from '$lib/domain/password-policy';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { acceptInvitation, findInvitation } from '$lib/server/auth/invitations';
import { createSession } from '$lib/server/auth/session';
import { fields, invalid, parseForm } from '$lib/server/forms';
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

const AcceptForm = z
	.object({
		name: fields.requiredText('votre nom', 120),
		newPassword: z.string({ error: 'Choisissez un mot de passe.' }),
		confirmPassword: z.string({ error: 'Confirmez le mot de passe.' })
	})
	.refine((f) => f.newPassword === f.confirmPassword, {
		path: ['confirmPassword'],
		message: 'Les deux mots de passe ne correspondent pas.'
	});

export const actions: Actions = {
	default: async (event) => {
		const invitation = findInvitation(event.params.token);
		if (!invitation) return invalid(410, { form: 'Cette invitation n’est plus valable.' }, {});
		const form = parseForm(AcceptForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const problem = passwordProblem(form.data.newPassword, invitation.email);
		if (problem) return invalid(400, { newPassword: problem }, { name: form.data.name });
		const accepted = await acceptInvitation(
			event.params.token,
			form.data.name,
			form.data.newPassword
		);
		if (!accepted) return invalid(410, { form: 'Cette invitation n’est plus valable.' }, {});
		const { token, session } = createSession(accepted.userId, {
			userAgent: event.request.headers.get('user-agent'),
			ip: event.getClientAddress()
		});
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, '/?bienvenue=1');
	}
};
