/** A local authority's membership of the centrale and its standing on one contract. */
import { getDb } from '../db/client';

export interface MembershipRow {
	organisationId: number;
	centraleId: number;
	centraleName: string;
	councilDecisionDate: string;
	councilDecisionReference: string;
	conventionSignedDate: string | null;
}

export function findMembership(organisationId: number): MembershipRow | null {
	return (
		(getDb()
			.$client.prepare(
				`select m.organisation_id as organisationId, m.centrale_id as centraleId,
				 coalesce(o.short_name, o.name) as centraleName, m.council_decision_date as councilDecisionDate,
				 m.council_decision_reference as councilDecisionReference,
				 m.convention_signed_date as conventionSignedDate
				 from memberships m join organisations o on o.id = m.centrale_id where m.organisation_id = ?`
			)
			.get(organisationId) as MembershipRow | undefined) ?? null
	);
}

export function isMember(organisationId: number): boolean {
	return !!getDb()
		.$client.prepare('select 1 from memberships where organisation_id = ?')
		.get(organisationId);
}

export interface InterestRow {
	id: number;
	maxQuantityHundredths: number;
	estimatedAmountCents: number;
	note: string | null;
	updatedAt: number;
}

export interface AdhesionRow {
	id: number;
	contractId: number;
	organisationId: number;
	decisionReference: string;
	decisionDate: string;
	modules: string[];
	estimatedQuantities: string;
	createdAt: number;
}

export function findInterest(contractId: number, organisationId: number): InterestRow | null {
	return (
		(getDb()
			.$client.prepare(
				`select id, max_quantity_hundredths as maxQuantityHundredths, estimated_amount_cents as estimatedAmountCents, note,
				 updated_at as updatedAt from interests where contract_id = ? and organisation_id = ?`
			)
			.get(contractId, organisationId) as InterestRow | undefined) ?? null
	);
}

/** The commune's adhesion to the contract that has not been withdrawn, or null. */
export function findActiveAdhesion(contractId: number, organisationId: number): AdhesionRow | null {
	const row = getDb()
		.$client.prepare(
			`select id, contract_id as contractId, organisation_id as organisationId,
			 decision_reference as decisionReference, decision_date as decisionDate, modules,
			 estimated_quantities as estimatedQuantities, created_at as createdAt
			 from adhesions where contract_id = ? and organisation_id = ? and withdrawn_at is null
			 order by id desc limit 1`
		)
		.get(contractId, organisationId) as
		(Omit<AdhesionRow, 'modules'> & { modules: string }) | undefined;
	return row ? { ...row, modules: JSON.parse(row.modules) } : null;
}
