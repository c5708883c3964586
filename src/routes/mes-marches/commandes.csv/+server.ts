import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { communeOrdersCsv } from '$lib/server/catalogue/exports';
import { csvResponse } from '$lib/server/catalogue/csv';
import type { RequestHandler } from './$types';

/** The commune's orders for its accounting, as Excel (fr-BE) opens them. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	ensure(can(user, 'commune.viewPurchases', { organisationId: user.organisationId }));
	return csvResponse(
		communeOrdersCsv(user.organisationId),
		`commandes-${user.organisationSlug}.csv`
	);
};
