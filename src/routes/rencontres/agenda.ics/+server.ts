import { agendaCalendar } from '$lib/server/peers/event-pages';
import type { RequestHandler } from './$types';

/** The public agenda of rencontres: titles, dates and places only (video links stay inside). */
export const GET: RequestHandler = () =>
	new Response(agendaCalendar(), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="rencontres.ics"',
			'cache-control': 'public, max-age=300'
		}
	});
