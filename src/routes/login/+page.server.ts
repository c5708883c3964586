import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { authenticate } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeRedirect } from '$lib/server/auth/guard';
import { createSession } from '$lib/server/auth/session';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirect(url.searchParams.get('redirectTo'), '') };
};

const LoginForm = z.object({
	email: fields.email,
	password: fields.password,
	redirectTo: z.string().optional()
});

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(LoginForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const { email, password, redirectTo } = form.data;
		const ip = event.getClientAddress();
		const result = await authenticate(email, password, ip);
		if (!result.ok) {
			return invalid(
				result.reason === 'throttled' ? 429 : 400,
				{},
				{ email },
				{ message: result.message }
			);
		}
		const { token, session } = createSession(result.userId, {
			userAgent: event.request.headers.get('user-agent'),
			ip
		});
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, safeRedirect(redirectTo));
	}
};
