import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { announcementReceiptsPage } from '$lib/server/relay/announcement-pages';
import { findAnnouncement } from '$lib/server/relay/announcements';
import { remindUnacknowledged } from '$lib/server/relay/receipts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		...announcementReceiptsPage(user, Number(event.params.id)),
		published: event.url.searchParams.has('publiee')
	};
};

export const actions: Actions = {
	/** « Relancer »: a mail to every person of the communes that have not acknowledged */
	remind: async (event) => {
		const user = requireUser(event);
		const a = findAnnouncement(Number(event.params.id));
		if (!a) error(404, 'Cette annonce est introuvable.');
		ensure(can(user, 'announcement.viewReceipts', { centraleId: a.centraleId }) && a.requiresAck);
		const sent = remindUnacknowledged(a);
		return {
			success: sent.organisations
				? `Rappel envoyé à ${sent.organisations} commune${sent.organisations > 1 ? 's' : ''} (${sent.notified} personne${sent.notified > 1 ? 's' : ''}).`
				: 'Toutes les communes ont accusé réception : aucun rappel à envoyer.'
		};
	}
};
