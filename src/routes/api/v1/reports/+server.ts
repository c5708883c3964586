import { json } from '@sveltejs/kit';
import { queryProblem } from '$lib/server/api/query';
import { reportListAnswer } from '$lib/server/reports/api';
import { checkReportListQuery, reportListQuery } from '$lib/server/reports/api-query';
import type { RequestHandler } from './$types';

/** The answer depends on whether the caller is signed in: never cached across callers. */
const headers = (signedIn: boolean) => ({
	'access-control-allow-origin': '*',
	vary: 'cookie',
	'cache-control': signedIn ? 'private, no-store' : 'public, max-age=60'
});

/**
 * Published experience reports, paginated: public ones (anonymised as the commune chose) to
 * anonymous callers, every published one to signed-in members. An unknown parameter or value
 * answers 400 with the valid parameters.
 */
export const GET: RequestHandler = ({ url, locals }) => {
	const query = checkReportListQuery(url.searchParams);
	if (!query.ok)
		return json(queryProblem(reportListQuery, query.message), {
			status: 400,
			headers: headers(!!locals.user)
		});
	return json(reportListAnswer(url, locals.user), { headers: headers(!!locals.user) });
};
