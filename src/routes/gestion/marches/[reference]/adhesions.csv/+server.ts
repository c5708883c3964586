import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { findContract } from '$lib/server/catalogue/contract';
import { csvResponse } from '$lib/server/catalogue/csv';
import { contractAdhesionsCsv } from '$lib/server/catalogue/exports';
import type { RequestHandler } from './$types';

/** The contract's adhesions per commune, for its buyers. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	const ref = {
		centraleId: contract.centraleId,
		ledByIntercommunale: contract.centraleKind === 'intercommunale'
	};
	if (!can(user, 'contract.edit', ref))
		error(403, "Vous n'avez pas les droits nécessaires pour cette action.");
	return csvResponse(contractAdhesionsCsv(contract.id), `adhesions-${contract.reference}.csv`);
};
