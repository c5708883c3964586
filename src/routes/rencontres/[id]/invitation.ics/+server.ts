import { error } from '@sveltejs/kit';
import { eventInvitation } from '$lib/server/peers/event-pages';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => {
	const calendar = eventInvitation(Number(params.id));
	if (!calendar) error(404, 'Cette rencontre est introuvable.');
	return new Response(calendar, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="rencontre-${Number(params.id)}.ics"`
		}
	});
};
