import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { now } from '$lib/server/clock';
import { invalid, parseForm, readForm } from '$lib/server/forms';
import { followSchema } from '$lib/server/relay/follow-form';
import { followsOf, setFollow } from '$lib/server/relay/follows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { follows: followsOf(user) };
};

/** Every « Suivre » / « Ne plus suivre » button of the portal posts here, then comes back. */
export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(followSchema, await readForm(() => event.request.formData()));
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const { kind, subject, follow, back } = parsed.data;
		if (!setFollow(user, kind, subject, follow === '1', now()))
			error(404, 'Ce que vous voulez suivre est introuvable.');
		redirect(303, back);
	}
};
