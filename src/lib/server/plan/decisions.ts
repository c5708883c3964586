/** The decisions a commune recorded in its plan (budget.md §5), read for the decision chain. */
import { asc, eq } from 'drizzle-orm';
import type { DecisionKind } from '../../domain/plan/decisions';
import { getDb } from '../db/client';
import { planDecisions } from '../db/schema';

export type RecordedDecision = Pick<
	typeof planDecisions.$inferSelect,
	'id' | 'kind' | 'centraleId' | 'contractId' | 'intentionId' | 'decidedOn' | 'reference'
>;

export function listRecordedDecisions(organisationId: number): RecordedDecision[] {
	return getDb()
		.select({
			id: planDecisions.id,
			kind: planDecisions.kind,
			centraleId: planDecisions.centraleId,
			contractId: planDecisions.contractId,
			intentionId: planDecisions.intentionId,
			decidedOn: planDecisions.decidedOn,
			reference: planDecisions.reference
		})
		.from(planDecisions)
		.where(eq(planDecisions.organisationId, organisationId))
		.orderBy(asc(planDecisions.decidedOn))
		.all();
}

/** The kinds recorded for one contract of one centrale (the centrale's adhesion counts for all). */
export function recordedKinds(
	decisions: readonly RecordedDecision[],
	contract: { id: number; centraleId: number }
): DecisionKind[] {
	return decisions
		.filter((d) =>
			d.kind === 'centraleMembership'
				? d.centraleId === contract.centraleId
				: d.contractId === contract.id
		)
		.map((d) => d.kind);
}
