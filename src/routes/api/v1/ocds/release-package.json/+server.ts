import { ocdsPackageStream } from '$lib/server/catalogue/ocds';
import { brusselsToday } from '$lib/server/clock';
import type { RequestHandler } from './$types';

/** Every contract as an OCDS 1.1.5 release package, streamed page by page from SQLite. */
export const GET: RequestHandler = () =>
	new Response(ocdsPackageStream(brusselsToday()), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'access-control-allow-origin': '*',
			'cache-control': 'public, max-age=300'
		}
	});
