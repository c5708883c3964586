import { can } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { csvResponse } from '$lib/server/catalogue/csv';
import { brusselsToday } from '$lib/server/clock';
import { planCsv } from '$lib/server/plan/exports';
import type { RequestHandler } from './$types';

/** The commune's plan per intention and budget year, for its finance director (Excel, fr-BE). */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const kind = user.organisationKind as OrganisationKind;
	ensure(can(user, 'plan.view', { organisationId: user.organisationId, kind }));
	return csvResponse(
		planCsv({ id: user.organisationId, name: user.organisationName }, brusselsToday()),
		`plan-achats-${user.organisationSlug}.csv`
	);
};
