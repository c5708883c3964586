import { json } from '@sveltejs/kit';
import { databaseIsHealthy } from '$lib/server/db/client';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	databaseIsHealthy()
		? json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
		: json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
