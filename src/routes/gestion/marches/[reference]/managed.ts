/** What every action of the management page starts with, and how a success answers. */
import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { findContract } from '$lib/server/catalogue/contract';
import { contractRef } from '$lib/server/catalogue/contract-ref';
import type { RequestEvent } from './$types';

/** the contract of the page, for a user who may edit it: 404 and 403 otherwise */
export function managed(event: Pick<RequestEvent, 'params' | 'locals' | 'url'>) {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	const ref = contractRef(contract);
	ensure(can(user, 'contract.edit', ref));
	return { user, contract, ref };
}

/** what a successful edit says, next to the part of the page it changed */
export const done = (action: string, message: string) => ({
	ok: true as const,
	done: action,
	message
});
