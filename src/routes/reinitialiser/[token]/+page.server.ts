import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { passwordProblem } from '$lib/domain/password-policy';
import { completePasswordReset, findPasswordReset } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { createSession } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const reset = findPasswordReset(params.token);
	return { valid: !!reset, email: reset?.email ?? null };
};

const ResetForm = z
	.object({
		newPassword: z.string({ error: 'Choisissez un nouveau mot de passe.' }),
		confirmPassword: z.string({ error: 'Confirmez le nouveau mot de passe.' })
	})
	.refine((f) => f.newPassword === f.confirmPassword, {
		path: ['confirmPassword'],
		message: 'Les deux mots de passe ne correspondent pas.'
	});

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(ResetForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		const reset = findPasswordReset(event.params.token);
		if (!reset)
			return invalid(410, { form: 'Ce lien n’est plus valable. Demandez-en un nouveau.' });
		const problem = passwordProblem(form.data.newPassword, reset.email);
		if (problem) return invalid(400, { newPassword: problem });
		const done = await completePasswordReset(event.params.token, form.data.newPassword);
		if (!done) return invalid(410, { form: 'Ce lien n’est plus valable. Demandez-en un nouveau.' });
		const { token, session } = createSession(done.userId, {
			userAgent: event.request.headers.get('user-agent'),
			ip: event.getClientAddress()
		});
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, '/compte?reinitialise=1');
	}
};
