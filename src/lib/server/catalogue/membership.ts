/** A local authority's membership of the centrale and its standing on one contract. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { epochMs, shortNameOf } from '../db/expressions';
import { preparedQueries } from '../db/prepared';
import { adhesions, interests, memberships, organisations } from '../db/schema';

const contractId = sql.placeholder('contractId');
const organisationId = sql.placeholder('organisationId');

const queries = preparedQueries((db) => ({
	membership: db
		.select({
			organisationId: memberships.organisationId,
			centraleId: memberships.centraleId,
			centraleName: shortNameOf(organisations),
			councilDecisionDate: memberships.councilDecisionDate,
			councilDecisionReference: memberships.councilDecisionReference,
			conventionSignedDate: memberships.conventionSignedDate
		})
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.centraleId))
		.where(eq(memberships.organisationId, organisationId))
		.prepare(),
	member: db
		.select({ id: memberships.id })
		.from(memberships)
		.where(eq(memberships.organisationId, organisationId))
		.prepare(),
	interest: db
		.select({
			id: interests.id,
			maxQuantityHundredths: interests.maxQuantityHundredths,
			estimatedAmountCents: interests.estimatedAmountCents,
			note: interests.note,
			updatedAt: epochMs(interests.updatedAt)
		})
		.from(interests)
		.where(and(eq(interests.contractId, contractId), eq(interests.organisationId, organisationId)))
		.prepare(),
	activeAdhesion: db
		.select({
			id: adhesions.id,
			contractId: adhesions.contractId,
			organisationId: adhesions.organisationId,
			decisionReference: adhesions.decisionReference,
			decisionDate: adhesions.decisionDate,
			modules: adhesions.modules,
			estimatedQuantities: adhesions.estimatedQuantities,
			createdAt: epochMs(adhesions.createdAt)
		})
		.from(adhesions)
		.where(
			and(
				eq(adhesions.contractId, contractId),
				eq(adhesions.organisationId, organisationId),
				isNull(adhesions.withdrawnAt)
			)
		)
		.orderBy(desc(adhesions.id))
		.limit(1)
		.prepare()
}));

type Queries = ReturnType<typeof queries>;
export type MembershipRow = NonNullable<ReturnType<Queries['membership']['get']>>;
export type InterestRow = NonNullable<ReturnType<Queries['interest']['get']>>;
export type AdhesionRow = NonNullable<ReturnType<Queries['activeAdhesion']['get']>>;

export function findMembership(organisationId: number): MembershipRow | null {
	return queries().membership.get({ organisationId }) ?? null;
}

export function isMember(organisationId: number): boolean {
	return !!queries().member.get({ organisationId });
}

export function findInterest(contractId: number, organisationId: number): InterestRow | null {
	return queries().interest.get({ contractId, organisationId }) ?? null;
}

/** The commune's adhesion to the contract that has not been withdrawn, or null. */
export function findActiveAdhesion(contractId: number, organisationId: number): AdhesionRow | null {
	return queries().activeAdhesion.get({ contractId, organisationId }) ?? null;
}
