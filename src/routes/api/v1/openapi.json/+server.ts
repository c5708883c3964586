import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/catalogue/openapi';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 description of the public API, generated from the schemas it validates with. */
export const GET: RequestHandler = () =>
	json(openApiDocument(), {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' }
	});
