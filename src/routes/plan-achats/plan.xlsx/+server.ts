import { can } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { brusselsToday, now } from '$lib/server/clock';
import { planXlsx } from '$lib/server/plan/exports';
import type { RequestHandler } from './$types';

/** The commune's plan as an Excel workbook: one sheet with every year, one per budget year. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const kind = user.organisationKind as OrganisationKind;
	ensure(can(user, 'plan.view', { organisationId: user.organisationId, kind }));
	const bytes = await planXlsx(
		{ id: user.organisationId, name: user.organisationName },
		brusselsToday(),
		now()
	);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="plan-achats-${user.organisationSlug.replace(/[^\w-]/g, '_')}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
};
