/** The new-contract page: a buyer creates contracts only for the centrales they work for. */
import { can, type Actor } from '../../domain/permissions';
import { listCentrales } from '../directory';
import { centraleRef } from './contract-ref';

/** the centrales whose contracts this user may edit, hence create */
export function creatableCentrales(user: Actor) {
	return listCentrales().filter((c) => can(user, 'contract.edit', centraleRef(c)));
}

export function newContractPage(user: Actor) {
	return {
		centrales: creatableCentrales(user).map((c) => ({ id: c.id, name: c.shortName ?? c.name }))
	};
}
