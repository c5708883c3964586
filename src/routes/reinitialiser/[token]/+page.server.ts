import { redirect } from '@sveltejs/kit';
import { passwordProblem } from '$lib/domain/password-policy';
import { passwordResetSchema } from '$lib/server/auth/account-forms';
import { completePasswordReset, findPasswordReset } from '$lib/server/auth/accounts';
import { signIn } from '$lib/server/auth/sign-in';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const reset = findPasswordReset(params.token);
	return { valid: !!reset, email: reset?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(passwordResetSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		const reset = findPasswordReset(event.params.token);
		if (!reset)
			return invalid(410, { form: 'Ce lien n’est plus valable. Demandez-en un nouveau.' });
		const problem = passwordProblem(form.data.newPassword, reset.email);
		if (problem) return invalid(400, { newPassword: problem });
		const done = await completePasswordReset(event.params.token, form.data.newPassword);
		if (!done) return invalid(410, { form: 'Ce lien n’est plus valable. Demandez-en un nouveau.' });
		signIn(event, done.userId);
		redirect(303, '/compte?reinitialise=1');
	}
};
