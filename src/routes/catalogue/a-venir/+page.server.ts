import { upcomingPage } from '$lib/server/catalogue/list-page';
import { brusselsToday } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => upcomingPage(brusselsToday());
