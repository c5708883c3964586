import { error } from '@sveltejs/kit';
import { parseVersionKey } from '$lib/domain/reports/version-keys';
import { requireUser } from '$lib/server/auth/guard';
import { reportDiffPage, reportVersionsPage } from '$lib/server/reports/history';
import { reportIdParam } from '$lib/server/reports/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const id = reportIdParam(event.params.id);
	const de = event.url.searchParams.get('de');
	const a = event.url.searchParams.get('a');
	const from = parseVersionKey(de);
	const to = parseVersionKey(a);
	if (from && to) {
		const diff = reportDiffPage(user, id, from, to);
		// a draft version a reader may not see is not shown to exist
		if (!diff) error(404, 'Ces versions sont introuvables.');
		return { ...diff, message: null, de, a };
	}
	const page = reportVersionsPage(user, id);
	if (!page) error(404, 'Ce retour est introuvable.');
	return {
		report: page.report,
		isAuthor: page.isAuthor,
		choices: page.choices,
		from: null,
		to: null,
		fields: [],
		others: [],
		message: de || a ? 'Choisissez deux versions à comparer dans les listes.' : null,
		de,
		a
	};
};
