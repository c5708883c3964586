/**
 * The buyer's option per contract « Refuser les commandes sans délibération d'adhésion
 * enregistrée »: submitOrder (orders.ts) enforces it.
 */
import { eq } from 'drizzle-orm';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { contracts } from '../db/schema';

export function setMembershipDecisionRule(contractId: number, required: boolean, actorId: number) {
	getDb().transaction(() => {
		getDb()
			.update(contracts)
			.set({ requireMembershipDecision: required })
			.where(eq(contracts.id, contractId))
			.run();
		audit({
			actorId,
			action: 'contract.orderRule',
			subjectType: 'contract',
			subjectId: contractId,
			details: { requireMembershipDecision: required }
		});
	});
}
