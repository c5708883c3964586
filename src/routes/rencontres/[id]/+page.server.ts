import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { cancelSchema, parseEventDocument, registrationSchema } from '$lib/server/peers/event-form';
import { eventPage } from '$lib/server/peers/event-pages';
import {
	attachEventDocument,
	cancelEvent,
	registerForEvent,
	unregisterFromEvent
} from '$lib/server/peers/events';
import type { Actions, PageServerLoad } from './$types';

const idOf = (raw: string) => {
	const parsed = fields.id.safeParse(raw);
	if (!parsed.success) error(404, 'Rencontre introuvable');
	return parsed.data;
};

export const load: PageServerLoad = ({ params, locals, url }) => {
	const page = eventPage(locals.user, idOf(params.id));
	if (!page) error(404, 'Rencontre introuvable');
	// after a change: how many registered people were told (the organiser's confirmation)
	const told = url.searchParams.get('modifiee');
	return { ...page, changedTold: told && /^\d{1,6}$/.test(told) ? Number(told) : null };
};

export const actions: Actions = {
	register: async (event) => {
		const user = requireUser(event);
		const form = parseForm(registrationSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'register' });
		const done = registerForEvent(user, idOf(event.params.id), form.data.participants);
		if (!done.ok)
			return invalid(done.status, { [done.field ?? 'form']: done.message }, form.data, {
				action: 'register'
			});
		return { success: done.message };
	},
	unregister: async (event) => {
		const user = requireUser(event);
		const done = unregisterFromEvent(user, idOf(event.params.id));
		if (!done.ok) return invalid(done.status, { form: done.message }, {}, { action: 'register' });
		return { success: done.message };
	},
	attach: async (event) => {
		const user = requireUser(event);
		const form = parseEventDocument(await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'attach' });
		const done = await attachEventDocument(user, idOf(event.params.id), form.data);
		if (!done.ok)
			return invalid(
				done.status,
				{ [done.field ?? 'form']: done.message },
				{ title: form.data.title },
				{ action: 'attach' }
			);
		return { success: done.message };
	},
	cancel: async (event) => {
		const user = requireUser(event);
		const form = parseForm(cancelSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'cancel' });
		const done = cancelEvent(user, idOf(event.params.id), form.data.reason);
		if (!done.ok)
			return invalid(
				done.status,
				{ form: done.message },
				{ reason: form.data.reason },
				{
					action: 'cancel'
				}
			);
		return { success: done.message };
	}
};
