/**
 * A contract, or a centrale a contract would belong to, as `can()` sees it: who leads it. Built
 * here once so that every route asks the same question about the same facts.
 */
import type { ContractRef } from '../../domain/permissions';
import type { ContractRow } from './contract';

export function contractRef(
	contract: Pick<ContractRow, 'centraleId' | 'centraleKind'>
): ContractRef {
	return {
		centraleId: contract.centraleId,
		ledByIntercommunale: contract.centraleKind === 'intercommunale'
	};
}

/** the right a contract of this centrale would carry, before it exists */
export function centraleRef(centrale: { id: number; kind: string }): ContractRef {
	return { centraleId: centrale.id, ledByIntercommunale: centrale.kind === 'intercommunale' };
}
