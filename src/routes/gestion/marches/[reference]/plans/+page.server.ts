import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { findContract } from '$lib/server/catalogue/contract';
import { contractRef } from '$lib/server/catalogue/contract-ref';
import { brusselsToday } from '$lib/server/clock';
import { aggregatePage } from '$lib/server/plan/aggregate-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	ensure(can(user, 'plan.viewAggregate', contractRef(contract)));
	return aggregatePage(contract, brusselsToday());
};
