import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { reportAbuse } from '$lib/server/peers/abuse';
import { conversationPage } from '$lib/server/peers/conversation-pages';
import { replyTo } from '$lib/server/peers/conversations';
import { abuseSchema, messageSchema } from '$lib/server/peers/message-form';
import type { Actions, PageServerLoad } from './$types';

const idOf = (raw: string) => {
	const parsed = fields.id.safeParse(raw);
	if (!parsed.success) error(404, 'Conversation introuvable');
	return parsed.data;
};

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const page = conversationPage(user, idOf(event.params.id));
	if (!page) error(404, 'Conversation introuvable');
	return { ...page, sent: event.url.searchParams.has('envoye') };
};

export const actions: Actions = {
	reply: async (event) => {
		const user = requireUser(event);
		const form = parseForm(messageSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'reply' });
		const sent = replyTo(user, idOf(event.params.id), form.data.body);
		if (!sent.ok)
			return invalid(sent.status, { form: sent.message }, form.data, { action: 'reply' });
		return { success: 'Réponse envoyée.' };
	},
	report: async (event) => {
		const user = requireUser(event);
		const form = parseForm(abuseSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'report' });
		const done = reportAbuse(user, form.data.messageId, form.data.reason);
		if (!done.ok)
			return invalid(done.status, { form: done.message }, form.data, { action: 'report' });
		return { success: done.message };
	}
};
