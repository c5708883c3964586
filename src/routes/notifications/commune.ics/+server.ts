import { error } from '@sveltejs/kit';
import { communeCalendarForToken } from '$lib/server/relay/commune-calendar';
import type { RequestHandler } from './$types';

/**
 * A commune's dates as iCalendar, for a shared agenda. Calendar apps send no cookie: the
 * commune's secret is the key; a wrong or replaced one answers 404.
 */
export const GET: RequestHandler = ({ url }) => {
	const calendar = communeCalendarForToken(url.searchParams.get('jeton'));
	if (calendar === null) error(404, 'Ce calendrier n’existe pas ou son adresse a été remplacée.');
	return new Response(calendar, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="centrale-commune.ics"',
			'cache-control': 'private, max-age=300'
		}
	});
};
