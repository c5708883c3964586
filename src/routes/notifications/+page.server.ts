import { requireUser } from '$lib/server/auth/guard';
import { markReadSchema } from '$lib/server/boards/notification-form';
import { parseInboxFilter } from '$lib/domain/relay/inbox';
import { inboxPage } from '$lib/server/relay/inbox-page';
import { archive, markRead } from '$lib/server/relay/notifications';
import { archiveSchema } from '$lib/server/relay/preference-form';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return inboxPage(user, parseInboxFilter(event.url.searchParams.get('filtre')));
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser(event);
		const form = parseForm(markReadSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		markRead(user.id, form.data.id);
		return { success: form.data.id ? 'Notification lue.' : 'Toutes les notifications sont lues.' };
	},
	archive: async (event) => {
		const user = requireUser(event);
		const form = parseForm(archiveSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors);
		archive(user.id, form.data.id);
		return { success: 'Notification archivée.' };
	}
};
