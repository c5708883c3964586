/**
 * « Mes marchés » for one person: their commune's membership, adhesions, interests and orders,
 * or null for whoever does not act for a commune (a buyer, an admin).
 */
import { can } from '../../domain/permissions';
import { BUYING_KINDS } from '../../domain/roles';
import type { SessionUser } from '../auth/session';
import { findMembership } from './membership';
import { listMyContracts } from './mine';

export function myContractsPage(user: SessionUser, today: string) {
	const isCommune = BUYING_KINDS.includes(user.organisationKind);
	if (!isCommune || !can(user, 'commune.viewPurchases', { organisationId: user.organisationId }))
		return { commune: null };
	return {
		commune: {
			name: user.organisationName,
			membership: findMembership(user.organisationId),
			mayCommit: can(user, 'order.submit', { organisationId: user.organisationId }),
			...listMyContracts(user.organisationId, today)
		}
	};
}
