import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { findContract } from '$lib/server/catalogue/contract';
import { contractRef } from '$lib/server/catalogue/contract-ref';
import { csvResponse } from '$lib/server/catalogue/csv';
import { contractAdhesionsCsv } from '$lib/server/catalogue/exports';
import type { RequestHandler } from './$types';

/** The contract's adhesions per commune, for its buyers. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	ensure(can(user, 'contract.edit', contractRef(contract)));
	return csvResponse(contractAdhesionsCsv(contract.id), `adhesions-${contract.reference}.csv`);
};
