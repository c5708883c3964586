import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { csvResponse } from '$lib/server/catalogue/csv';
import { findAnnouncement } from '$lib/server/relay/announcements';
import { receiptsCsv } from '$lib/server/relay/receipts';
import type { RequestHandler } from './$types';

/** Each reached commune's receipt of the announcement, for its centrale's buyers. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const a = findAnnouncement(Number(event.params.id));
	if (!a) error(404, 'Cette annonce est introuvable.');
	ensure(can(user, 'announcement.viewReceipts', { centraleId: a.centraleId }));
	return csvResponse(receiptsCsv(a), `accuses-annonce-${a.id}.csv`);
};
