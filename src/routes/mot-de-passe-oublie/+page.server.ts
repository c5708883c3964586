import { resetRequestSchema } from '$lib/server/auth/account-forms';
import { requestPasswordReset } from '$lib/server/auth/accounts';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(resetRequestSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		requestPasswordReset(form.data.email);
		// same answer whether or not the account exists
		return { sent: true, email: form.data.email };
	}
};
