import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { announcementPage } from '$lib/server/relay/announcement-pages';
import { findAnnouncement } from '$lib/server/relay/announcements';
import { acknowledge } from '$lib/server/relay/receipts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	announcementPage(event.locals.user ?? null, Number(event.params.id));

export const actions: Actions = {
	/** « J'ai lu » in the name of the user's own commune, once */
	acknowledge: async (event) => {
		const user = requireUser(event);
		const a = findAnnouncement(Number(event.params.id));
		if (!a) error(404, 'Cette annonce est introuvable.');
		ensure(
			a.requiresAck &&
				can(user, 'announcement.acknowledge', {
					organisationId: user.organisationId,
					ackByReferent: a.ackByReferent
				})
		);
		const recorded = acknowledge(a.id, user);
		return {
			success: recorded
				? 'Merci : la réception est confirmée au nom de votre commune.'
				: 'Votre commune avait déjà accusé réception de cette annonce.'
		};
	}
};
