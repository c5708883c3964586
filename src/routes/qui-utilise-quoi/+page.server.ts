import { parseUsageFilters, whoUsesWhatPage } from '$lib/server/peers/who-uses-what-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) =>
	whoUsesWhatPage(parseUsageFilters(url.searchParams), locals.user);
