import { can } from '$lib/domain/permissions';
import { BUYING_KINDS } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import { findMembership } from '$lib/server/catalogue/membership';
import { listMyContracts } from '$lib/server/catalogue/mine';
import { brusselsToday } from '$lib/server/catalogue/today';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const isCommune = BUYING_KINDS.includes(user.organisationKind);
	if (!isCommune || !can(user, 'commune.viewPurchases', { organisationId: user.organisationId }))
		return { commune: null };
	return {
		commune: {
			name: user.organisationName,
			membership: findMembership(user.organisationId),
			mayCommit: can(user, 'order.submit', { organisationId: user.organisationId }),
			...listMyContracts(user.organisationId, brusselsToday())
		}
	};
};
