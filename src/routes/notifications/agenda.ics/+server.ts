import { error } from '@sveltejs/kit';
import { calendarForFeedToken } from '$lib/server/relay/calendar';
import type { RequestHandler } from './$types';

/**
 * A person's dates (deadlines, contract ends, budget votes) as iCalendar. Calendar apps send no
 * cookie: the secret of the person's feeds is the key; wrong or replaced answers 404.
 */
export const GET: RequestHandler = ({ url }) => {
	const calendar = calendarForFeedToken(url.searchParams.get('jeton'));
	if (calendar === null) error(404, 'Ce calendrier n’existe pas ou son adresse a été remplacée.');
	return new Response(calendar, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="centrale-echeances.ics"',
			'cache-control': 'private, max-age=300'
		}
	});
};
