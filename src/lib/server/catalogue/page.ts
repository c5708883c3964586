/**
 * Everything the contract page shows to one viewer: public facts for all, prices and members-only
 * documents for members, the commune's own standing and forms for its people.
 */
import { ceilingCheck } from '../../domain/catalogue/ceiling';
import { canAdhere, canDeclareInterest, effectiveStatus } from '../../domain/catalogue/lifecycle';
import { can, type Actor } from '../../domain/permissions';
import { BUYING_KINDS, type OrganisationKind } from '../../domain/roles';
import type { SessionUser } from '../auth/session';
import { contractOrigins } from '../boards/promote';
import {
	committedCents,
	contractDocumentList,
	contractHistory,
	contractLots,
	lifecycleSnapshot,
	relatedContracts,
	type ContractRow
} from './contract';
import { contractRef } from './contract-ref';
import { renderMarkdown } from './markdown';
import { findActiveAdhesion, findInterest, findMembership } from './membership';
import { listRecordedDecisions } from '../plan/decisions';
import { communeOrdersForContract } from './orders';
import { contractReports } from '../reports/published';

export function contractPage(contract: ContractRow, user: SessionUser | null, today: string) {
	const lots = contractLots(contract.id);
	const snapshot = lifecycleSnapshot(contract, lots);
	const membership = user ? findMembership(user.organisationId) : null;
	const actor: Actor | null = user;
	const showPrices = can(actor, 'catalogue.viewPrices', { isMember: !!membership });
	const showMembersDocuments = can(actor, 'catalogue.viewMembersDocuments', {
		isMember: !!membership
	});
	const isCommune = !!user && BUYING_KINDS.includes(user.organisationKind as OrganisationKind);
	const commune =
		user &&
		isCommune &&
		can(actor, 'commune.viewPurchases', { organisationId: user.organisationId })
			? {
					name: user.organisationName,
					membership,
					interest: findInterest(contract.id, user.organisationId),
					adhesion: findActiveAdhesion(contract.id, user.organisationId),
					orders: communeOrdersForContract(contract.id, user.organisationId),
					mayCommit: can(actor, 'contract.adhere', { organisationId: user.organisationId }),
					// the collège's adhesion as recorded in the plan fills the adhesion form
					recordedAdhesion:
						listRecordedDecisions(user.organisationId).findLast(
							(d) => d.kind === 'contractAdhesion' && d.contractId === contract.id
						) ?? null
				}
			: null;
	const manages = can(actor, 'contract.edit', contractRef(contract));
	// « Ajouter à mon plan d'achats »: the commune's members, while the contract can still be bought
	const mayPlan =
		!!user &&
		isCommune &&
		can(actor, 'plan.edit', {
			organisationId: user.organisationId,
			kind: user.organisationKind as OrganisationKind
		}) &&
		contract.status !== 'ended' &&
		contract.status !== 'cancelled';
	return {
		today,
		contract,
		descriptionHtml: renderMarkdown(contract.description),
		shownStatus: effectiveStatus(snapshot, today),
		lots: lots.map((lot) => ({ ...lot, items: showPrices ? lot.items : [] })),
		priceItemCount: lots.reduce((n, lot) => n + lot.items.length, 0),
		showPrices,
		documents: contractDocumentList(contract.id).filter((d) => d.isPublic || showMembersDocuments),
		hiddenDocuments: showMembersDocuments
			? 0
			: contractDocumentList(contract.id).filter((d) => !d.isPublic).length,
		history: contractHistory(contract.id),
		related: relatedContracts(contract),
		// the needs of working groups this contract was born from, with their requirements
		origins: contractOrigins(contract.id),
		interestVerdict: canDeclareInterest(snapshot, today),
		adhereVerdict: canAdhere(snapshot, today),
		commune,
		// « Retours d'expérience »: the published snapshots, as this viewer may read them
		reports: contractReports(contract.id, user),
		mayPlan,
		manages,
		// the 80 % warning is for the buyers and the adherents (Coopservice: the maximum binds)
		ceiling:
			commune?.adhesion || manages
				? ceilingCheck(contract.maxValueCents, committedCents(contract.id), 0)
				: null
	};
}
