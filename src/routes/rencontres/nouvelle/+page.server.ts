import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { eventEcho, eventSchema } from '$lib/server/peers/event-form';
import { newEventPage } from '$lib/server/peers/event-pages';
import { publishEvent } from '$lib/server/peers/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const page = newEventPage(requireUser(event));
	if (!page) error(403, 'Seuls les acheteurs et les référents publient des rencontres.');
	return page;
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const raw = await event.request.formData();
		const form = parseForm(eventSchema, raw);
		if (!form.ok) return invalid(400, form.errors, eventEcho(raw));
		const done = publishEvent(user, form.data);
		if (!done.ok)
			return invalid(done.status, { [done.field ?? 'form']: done.message }, eventEcho(raw));
		redirect(303, `/rencontres/${done.value}`);
	}
};
