import { json } from '@sveltejs/kit';
import { usageListAnswer } from '$lib/server/peers/api';
import type { RequestHandler } from './$types';

/** Declared uses whose commune accepts contact, paginated; the same answer for everyone. */
export const GET: RequestHandler = ({ url }) =>
	json(usageListAnswer(url), {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' }
	});
