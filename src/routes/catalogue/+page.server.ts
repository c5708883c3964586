import { cataloguePage } from '$lib/server/catalogue/list-page';
import { brusselsToday } from '$lib/server/clock';
import { themeFollowPanel } from '$lib/server/relay/follows';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => ({
	...cataloguePage(url.searchParams, brusselsToday()),
	follows: themeFollowPanel(locals.user, url.searchParams.getAll('thematique'))
});
