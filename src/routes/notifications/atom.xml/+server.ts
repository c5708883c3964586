import { error } from '@sveltejs/kit';
import { personalFeed, userByFeedToken } from '$lib/server/relay/feeds';
import type { RequestHandler } from './$types';

/**
 * A person's inbox as an Atom feed. Feed readers send no cookie, so the secret token in the
 * address is the key; a wrong, missing or replaced token answers 404 (never a hint).
 */
export const GET: RequestHandler = ({ url }) => {
	const userId = userByFeedToken(url.searchParams.get('jeton'));
	if (userId === null) error(404, 'Ce flux n’existe pas ou son adresse a été remplacée.');
	return new Response(personalFeed(userId), {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'private, max-age=300'
		}
	});
};
