/**
 * Every change to a contract, its fields or its structure, moves its optimistic version on, so a
 * buyer saving a form opened before the change is told what changed instead of overwriting it.
 */
import type Database from 'better-sqlite3';

export function bumpContractVersion(sqlite: Database.Database, contractId: number, now: Date) {
	sqlite
		.prepare('update contracts set version = version + 1, updated_at = ? where id = ?')
		.run(now.getTime(), contractId);
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
