/** The decisions a commune recorded in its plan (budget.md §5), read for the decision chain. */
import { and, asc, eq } from 'drizzle-orm';
import type { DecisionKind } from '../../domain/plan/decisions';
import { audit } from '../audit';
import { storeFile } from '../catalogue/files';
import { getDb } from '../db/client';
import { contracts, planDecisions, purchaseIntentions } from '../db/schema';
import type { SignedPdf } from './decision-files';
import { now as clockNow } from '../clock';

export type RecordedDecision = Pick<
	typeof planDecisions.$inferSelect,
	'id' | 'kind' | 'centraleId' | 'contractId' | 'intentionId' | 'decidedOn' | 'reference'
> & { hasFile: boolean };

export function listRecordedDecisions(organisationId: number): RecordedDecision[] {
	return getDb()
		.select({
			id: planDecisions.id,
			kind: planDecisions.kind,
			centraleId: planDecisions.centraleId,
			contractId: planDecisions.contractId,
			intentionId: planDecisions.intentionId,
			decidedOn: planDecisions.decidedOn,
			reference: planDecisions.reference,
			fileSha256: planDecisions.fileSha256
		})
		.from(planDecisions)
		.where(eq(planDecisions.organisationId, organisationId))
		.orderBy(asc(planDecisions.decidedOn))
		.all()
		.map(({ fileSha256, ...d }) => ({ ...d, hasFile: fileSha256 !== null }));
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
 * Records a decision taken about one of the commune's intentions, with its signed PDF when given
 * (checked by the caller, readSignedPdf): the council's adhesion counts for the contract's
 * centrale, the others for the contract. False when the intention is not the commune's; then
 * nothing is stored, not even the file.
 */
export function recordDecision(
	organisationId: number,
	input: DecisionInput,
	actorId: number,
	now = clockNow(),
	pdf: SignedPdf | null = null
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
	const sha = pdf ? storeFile(pdf.bytes) : null;
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
				fileSha256: sha,
				fileName: pdf?.name ?? null,
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
				details: { ...input, sha256: sha }
			},
			now
		);
	});
	return true;
}

/**
 * Attaches the signed PDF to a decision the commune recorded earlier (the scan often comes after
 * the meeting), replacing an earlier one. False when the decision is not the commune's.
 */
export function attachSignedPdf(
	organisationId: number,
	decisionId: number,
	pdf: SignedPdf,
	actorId: number,
	now = clockNow()
): boolean {
	const db = getDb();
	const decision = db
		.select({ id: planDecisions.id })
		.from(planDecisions)
		.where(and(eq(planDecisions.id, decisionId), eq(planDecisions.organisationId, organisationId)))
		.get();
	if (!decision) return false;
	const sha = storeFile(pdf.bytes);
	db.transaction(() => {
		db.update(planDecisions)
			.set({ fileSha256: sha, fileName: pdf.name })
			.where(eq(planDecisions.id, decisionId))
			.run();
		audit(
			{
				actorId,
				action: 'plan.attachSignedPdf',
				subjectType: 'organisation',
				subjectId: organisationId,
				details: { decisionId, sha256: sha, size: pdf.bytes.length, filename: pdf.name }
			},
			now
		);
	});
	return true;
}
