import { redirect } from '@sveltejs/kit';
import { loginSchema } from '$lib/server/auth/account-forms';
import { authenticate, loginClient } from '$lib/server/auth/login';
import { safeRedirect } from '$lib/server/auth/guard';
import { signIn } from '$lib/server/auth/sign-in';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirect(url.searchParams.get('redirectTo'), '') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(loginSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const { email, password, redirectTo } = form.data;
		const result = await authenticate(email, password, loginClient(event));
		if (!result.ok) {
			return invalid(
				result.reason === 'throttled' ? 429 : 400,
				{},
				{ email },
				{ message: result.message }
			);
		}
		signIn(event, result.userId);
		redirect(303, safeRedirect(redirectTo));
	}
};
