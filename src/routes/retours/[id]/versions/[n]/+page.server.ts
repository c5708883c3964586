import { error } from '@sveltejs/kit';
import { parseVersionKey } from '$lib/domain/reports/version-keys';
import { requireUser } from '$lib/server/auth/guard';
import { reportVersionPage } from '$lib/server/reports/history';
import { reportIdParam } from '$lib/server/reports/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const key = parseVersionKey(event.params.n);
	if (!key) error(404, 'Cette version est introuvable.');
	// a draft version a reader may not see is not shown to exist
	const page = reportVersionPage(user, reportIdParam(event.params.id), key);
	if (!page) error(404, 'Cette version est introuvable.');
	return page;
};
