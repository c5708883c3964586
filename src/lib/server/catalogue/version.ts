/**
 * Every change to a contract, its fields or its structure, moves its optimistic version on, so a
 * buyer saving a form opened before the change is told what changed instead of overwriting it.
 */
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { contracts } from '../db/schema';

/** The version after this change, computed by SQLite from the stored one (no read-modify-write). */
export const NEXT_VERSION = sql`${contracts.version} + 1`;

/** Call it in the transaction that changes the contract's structure. */
export function bumpContractVersion(contractId: number, now: Date) {
	getDb()
		.update(contracts)
		.set({ version: NEXT_VERSION, updatedAt: now })
		.where(eq(contracts.id, contractId))
		.run();
}

/** What each structural change is called in the conflict message. */
export const STRUCTURE_CHANGE_LABELS: Record<string, string> = {
	'lot.create': 'lots',
	'lot.update': 'lots',
	'lot.delete': 'lots',
	'priceItem.create': 'bordereau de prix',
	'priceItem.update': 'bordereau de prix',
	'priceItem.delete': 'bordereau de prix',
	'contract.document.upload': 'documents',
	'contract.document.delete': 'documents',
	'contract.document.visibility': 'documents'
};
