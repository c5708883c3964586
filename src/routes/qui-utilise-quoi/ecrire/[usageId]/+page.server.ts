import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { contactPage } from '$lib/server/peers/conversation-pages';
import { startConversation } from '$lib/server/peers/conversations';
import { messageSchema } from '$lib/server/peers/message-form';
import type { Actions, PageServerLoad } from './$types';

const usageIdOf = (raw: string) => {
	const parsed = fields.id.safeParse(raw);
	if (!parsed.success) error(404, 'Utilisation introuvable');
	return parsed.data;
};

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const page = contactPage(user, usageIdOf(event.params.usageId));
	if (!page) error(404, 'Utilisation introuvable');
	return page;
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = parseForm(messageSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const sent = startConversation(user, usageIdOf(event.params.usageId), form.data.body);
		if (!sent.ok) return invalid(sent.status, { form: sent.message }, form.data);
		redirect(303, `/messages/${sent.conversationId}?envoye=1`);
	}
};
