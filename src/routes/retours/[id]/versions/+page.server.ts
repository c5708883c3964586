import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { reportVersionsPage } from '$lib/server/reports/history';
import { reportIdParam } from '$lib/server/reports/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const page = reportVersionsPage(requireUser(event), reportIdParam(event.params.id));
	if (!page) error(404, 'Ce retour est introuvable.');
	return page;
};
