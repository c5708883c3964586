/**
 * What a referent commits their commune to: interest before the procedure, adhesion to a running
 * contract, withdrawal. The routes check `can`; these verbs check the contract's rules and the
 * commune's membership, write, and audit in one transaction.
 */
import { eq } from 'drizzle-orm';
import { canAdhere, canDeclareInterest } from '../../domain/catalogue/lifecycle';
import type { Module } from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { adhesions, interests } from '../db/schema';
import { contractLots, lifecycleSnapshot, type ContractRow } from './contract';
import { findActiveAdhesion, isMember } from './membership';
import { now as clockNow } from '../clock';

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; message: string };

const NOT_MEMBER =
	"Votre commune n'est pas encore membre de la centrale : le conseil communal doit d'abord approuver la convention d'adhésion.";

export interface InterestInput {
	/** in hundredths: 250 is 2,5 */
	maxQuantityHundredths: number;
	estimatedAmountCents: number;
	note?: string | null;
}

/** Records or updates the commune's interest while the contract collects it. */
export function declareInterest(
	contract: ContractRow,
	organisationId: number,
	input: InterestInput,
	actorId: number,
	today: string,
	now = clockNow()
): Outcome {
	const verdict = canDeclareInterest(lifecycleSnapshot(contract, contractLots(contract.id)), today);
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	const db = getDb();
	db.transaction(() => {
		const declared = {
			maxQuantityHundredths: input.maxQuantityHundredths,
			estimatedAmountCents: input.estimatedAmountCents,
			note: input.note ?? null,
			declaredBy: actorId,
			updatedAt: now
		};
		db.insert(interests)
			.values({ contractId: contract.id, organisationId, ...declared })
			.onConflictDoUpdate({
				target: [interests.contractId, interests.organisationId],
				set: declared
			})
			.run();
		audit(
			{
				actorId,
				action: 'contract.declareInterest',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { organisationId, ...input }
			},
			now
		);
	});
	return { ok: true, value: undefined };
}

export interface AdhesionInput {
	decisionReference: string;
	decisionDate: string;
	modules: Module[];
	estimatedQuantities: string;
}

export function adhereToContract(
	contract: ContractRow,
	organisationId: number,
	input: AdhesionInput,
	actorId: number,
	today: string,
	now = clockNow()
): Outcome<number> {
	if (!isMember(organisationId)) return { ok: false, message: NOT_MEMBER };
	const verdict = canAdhere(lifecycleSnapshot(contract, contractLots(contract.id)), today);
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	if (findActiveAdhesion(contract.id, organisationId))
		return { ok: false, message: 'Votre commune adhère déjà à ce marché.' };
	const offered = input.modules.filter((m) => !contract.modules.includes(m));
	if (offered.length)
		return { ok: false, message: "Une option choisie n'est pas proposée par ce marché." };
	const db = getDb();
	return db.transaction(() => {
		const { id } = db
			.insert(adhesions)
			.values({
				contractId: contract.id,
				organisationId,
				decisionReference: input.decisionReference,
				decisionDate: input.decisionDate,
				modules: input.modules,
				estimatedQuantities: input.estimatedQuantities,
				createdBy: actorId,
				createdAt: now
			})
			.returning({ id: adhesions.id })
			.get();
		audit(
			{
				actorId,
				action: 'contract.adhere',
				subjectType: 'adhesion',
				subjectId: id,
				details: { contractId: contract.id, organisationId, ...input }
			},
			now
		);
		return { ok: true as const, value: id };
	});
}

export function withdrawAdhesion(
	contract: ContractRow,
	organisationId: number,
	actorId: number,
	now = clockNow()
): Outcome {
	const adhesion = findActiveAdhesion(contract.id, organisationId);
	if (!adhesion) return { ok: false, message: "Votre commune n'adhère pas à ce marché." };
	const db = getDb();
	db.transaction(() => {
		db.update(adhesions)
			.set({ withdrawnAt: now, withdrawnBy: actorId })
			.where(eq(adhesions.id, adhesion.id))
			.run();
		audit(
			{
				actorId,
				action: 'adhesion.withdraw',
				subjectType: 'adhesion',
				subjectId: adhesion.id,
				details: { contractId: contract.id, organisationId }
			},
			now
		);
	});
	return { ok: true, value: undefined };
}
