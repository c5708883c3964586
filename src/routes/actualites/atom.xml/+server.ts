import { publicFeed } from '$lib/server/relay/feeds';
import type { RequestHandler } from './$types';

/** Public Atom feed: public announcements and catalogue changes (no account needed). */
export const GET: RequestHandler = () =>
	new Response(publicFeed(), {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
