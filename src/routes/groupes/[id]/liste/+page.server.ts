import { needListPage } from '$lib/server/boards/group-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { group } = await event.parent();
	return needListPage(group);
};
