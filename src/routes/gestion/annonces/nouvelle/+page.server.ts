import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { echo, invalid, parseForm, readForm } from '$lib/server/forms';
import { announcementSchema, audienceRule } from '$lib/server/relay/announcement-form';
import { newAnnouncementPage } from '$lib/server/relay/announcement-pages';
import { previewAudience, publishAnnouncement } from '$lib/server/relay/announcements';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	ensure(can(user, 'announcement.publish', { centraleId: user.organisationId }));
	return newAnnouncementPage(user);
};

async function readAnnouncement(event: Parameters<Action>[0]) {
	const user = requireUser(event);
	ensure(can(user, 'announcement.publish', { centraleId: user.organisationId }));
	const form = await readForm(() => event.request.formData());
	const typed = echo(Object.fromEntries(form));
	const selected = form.getAll('organisationIds').map(String);
	return { user, parsed: parseForm(announcementSchema, form), typed, selected };
}

export const actions: Actions = {
	/** « Vérifier le public »: the resolved count, shown before anything is sent */
	preview: async (event) => {
		const { user, parsed, typed, selected } = await readAnnouncement(event);
		if (!parsed.ok) return invalid(400, parsed.errors, { ...typed });
		const preview = previewAudience(user.organisationId, audienceRule(parsed.data));
		return { preview, fields: typed, selected };
	},
	publish: async (event) => {
		const { user, parsed, typed, selected } = await readAnnouncement(event);
		if (!parsed.ok) return invalid(400, parsed.errors, { ...typed });
		const preview = previewAudience(user.organisationId, audienceRule(parsed.data));
		if (preview.count === 0)
			return invalid(
				400,
				{ audienceKind: 'Ce public ne compte aucune commune : choisissez-en un autre.' },
				typed
			);
		// what is sent must be what the buyer saw: a changed audience is shown again first
		if (parsed.data.expectedCount !== preview.count)
			return { preview, fields: typed, selected, recount: true };
		const published = publishAnnouncement(user, parsed.data);
		redirect(303, `/gestion/annonces/${published.id}?publiee=1`);
	}
};
