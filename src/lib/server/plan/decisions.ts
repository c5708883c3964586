/** The decisions a commune recorded in its plan (budget.md §5), read for the decision chain. */
import { and, asc, eq } from 'drizzle-orm';
import type { DecisionKind } from '../../domain/plan/decisions';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { contracts, planDecisions, purchaseIntentions } from '../db/schema';

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

export interface DecisionInput {
	intentionId: number;
	kind: DecisionKind;
	decidedOn: string;
	reference: string;
}

/**
 * Records a decision taken about one of the commune's intentions: the council's adhesion counts
 * for the contract's centrale, the others for the contract. False when the intention is not the
 * commune's.
 */
export function recordDecision(
	organisationId: number,
	input: DecisionInput,
	actorId: number,
	now = new Date()
): boolean {
	const db = getDb();
	const intention = db
		.select({ contractId: purchaseIntentions.contractId, centraleId: contracts.centraleId })
		.from(purchaseIntentions)
		.innerJoin(contracts, eq(contracts.id, purchaseIntentions.contractId))
		.where(
			and(
				eq(purchaseIntentions.id, input.intentionId),
				eq(purchaseIntentions.organisationId, organisationId)
			)
		)
		.get();
	if (!intention) return false;
	db.transaction(() => {
		db.insert(planDecisions)
			.values({
				organisationId,
				kind: input.kind,
				centraleId: intention.centraleId,
				contractId: input.kind === 'centraleMembership' ? null : intention.contractId,
				intentionId: input.intentionId,
				decidedOn: input.decidedOn,
				reference: input.reference,
				recordedBy: actorId,
				createdAt: now
			})
			.run();
		audit(
			{
				actorId,
				action: 'plan.recordDecision',
				subjectType: 'organisation',
				subjectId: organisationId,
				details: { ...input }
			},
			now
		);
	});
	return true;
}
