import { searchEverything } from '$lib/server/search/everything';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) =>
	searchEverything(url.searchParams.get('q') ?? '', locals.user);
