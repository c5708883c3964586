import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { eventEcho, eventSchema } from '$lib/server/peers/event-form';
import { editEventPage } from '$lib/server/peers/event-pages';
import { editEvent } from '$lib/server/peers/events';
import type { Actions, PageServerLoad } from './$types';

const idOf = (raw: string) => {
	const parsed = fields.id.safeParse(raw);
	if (!parsed.success) error(404, 'Rencontre introuvable');
	return parsed.data;
};

export const load: PageServerLoad = (event) => {
	const page = editEventPage(requireUser(event), idOf(event.params.id));
	if (!page.ok) error(page.status, page.message);
	return page;
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const id = idOf(event.params.id);
		const raw = await event.request.formData();
		const form = parseForm(eventSchema, raw);
		if (!form.ok) return invalid(400, form.errors, eventEcho(raw));
		const done = editEvent(user, id, form.data);
		if (!done.ok)
			return invalid(done.status, { [done.field ?? 'form']: done.message }, eventEcho(raw));
		redirect(303, `/rencontres/${id}?modifiee=${done.value.notified}`);
	}
};
