import { listNews } from '$lib/server/relay/announcements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({ news: listNews(!!event.locals.user) });
