/**
 * The buyers' verbs on a contract: create, save with an optimistic version check, move through
 * the lifecycle (guards from domain/catalogue/lifecycle), and relaunch. Each change is one
 * transaction with its audit entry and a refreshed search row.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { checkTransition } from '../../domain/catalogue/lifecycle';
import type { ContractStatus } from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { auditLog, contractTransitions, contracts, users } from '../db/schema';
import type { Outcome } from './commitments';
import { contractLots, findContract, lifecycleSnapshot, type ContractRow } from './contract';
import { reindexContract } from './search-index';
import { NEXT_VERSION, STRUCTURE_CHANGE_LABELS } from './version';
import { now as clockNow } from '../clock';

// the relaunch has its own module; the buyers' verbs are still imported from here
export { startRelaunch } from './relaunch';

/** What the buyers' form edits: the contract's own columns, typed by the schema. */
export type ContractFields = Pick<
	typeof contracts.$inferSelect,
	| 'title'
	| 'summary'
	| 'description'
	| 'theme'
	| 'procedure'
	| 'cpvCodes'
	| 'sourceUrl'
	| 'interestDeadline'
	| 'tenderCloseDate'
	| 'awardDate'
	| 'startDate'
	| 'endDate'
	| 'maxEndDate'
	| 'estimatedValueCents'
	| 'maxValueCents'
	| 'modules'
>;

/** French names of the fields, for the conflict message */
export const FIELD_LABELS: Record<keyof ContractFields, string> = {
	title: 'titre',
	summary: 'résumé',
	description: 'description',
	theme: 'thématique',
	procedure: 'procédure',
	cpvCodes: 'codes CPV',
	sourceUrl: 'lien vers la centrale',
	interestDeadline: 'date limite d’intérêt',
	tenderCloseDate: 'remise des offres',
	awardDate: 'date d’attribution',
	startDate: 'date de début',
	endDate: 'date de fin',
	maxEndDate: 'date de fin maximale',
	estimatedValueCents: 'valeur estimée',
	maxValueCents: 'montant maximal',
	modules: 'options'
};

const KEYS = Object.keys(FIELD_LABELS) as (keyof ContractFields)[];

/** Only the form's fields, whatever else the object carries (a save never writes anything else). */
const formFields = (f: ContractFields) =>
	Object.fromEntries(KEYS.map((k) => [k, f[k]])) as ContractFields;

function referenceTaken(reference: string): boolean {
	return !!getDb()
		.select({ id: contracts.id })
		.from(contracts)
		.where(eq(contracts.reference, reference))
		.get();
}

/** The first entry of a contract's history. */
function recordCreation(contractId: number, actorId: number, now: Date, note: string) {
	getDb()
		.insert(contractTransitions)
		.values({ contractId, fromStatus: null, toStatus: 'planned', byUserId: actorId, at: now, note })
		.run();
}

export function createContract(
	fields: ContractFields & { reference: string; centraleId: number },
	actorId: number,
	now = clockNow()
): Outcome<string> {
	if (referenceTaken(fields.reference))
		return { ok: false, message: 'Cette référence est déjà utilisée par un autre marché.' };
	const db = getDb();
	db.transaction(() => {
		const { id } = db
			.insert(contracts)
			.values({
				...formFields(fields),
				reference: fields.reference,
				centraleId: fields.centraleId,
				status: 'planned',
				createdBy: actorId,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: contracts.id })
			.get();
		recordCreation(id, actorId, now, 'Création du marché');
		reindexContract(db.$client, id);
		audit(
			{
				actorId,
				action: 'contract.create',
				subjectType: 'contract',
				subjectId: id,
				details: { reference: fields.reference }
			},
			now
		);
	});
	return { ok: true, value: fields.reference };
}

/**
 * Saves `fields` if the contract is still at `version`; otherwise nothing is written and the
 * message lists what others changed since, from the audit log, so nobody overwrites blindly.
 */
export function saveContract(
	contract: ContractRow,
	version: number,
	fields: ContractFields,
	actorId: number,
	now = clockNow()
): Outcome<number> {
	const db = getDb();
	const current = findContract(contract.id)!;
	if (current.version !== version)
		return { ok: false, message: conflictMessage(contract.id, version) };
	const changes = KEYS.filter(
		(k) => JSON.stringify(current[k] ?? null) !== JSON.stringify(fields[k] ?? null)
	);
	return db.transaction(() => {
		const result = db
			.update(contracts)
			.set({ ...formFields(fields), version: NEXT_VERSION, updatedAt: now })
			.where(and(eq(contracts.id, contract.id), eq(contracts.version, version)))
			.run();
		if (result.changes === 0)
			return { ok: false as const, message: conflictMessage(contract.id, version) };
		reindexContract(db.$client, contract.id);
		audit(
			{
				actorId,
				action: 'contract.save',
				subjectType: 'contract',
				subjectId: contract.id,
				details: {
					fromVersion: version,
					changed: changes,
					values: Object.fromEntries(changes.map((k) => [k, fields[k]]))
				}
			},
			now
		);
		return { ok: true as const, value: version + 1 };
	});
}

/** Audit actions that move a contract's version on. */
const VERSIONED_ACTIONS = [
	'contract.save',
	'contract.transition',
	...Object.keys(STRUCTURE_CHANGE_LABELS)
];

function conflictMessage(contractId: number, version: number): string {
	const rows = getDb()
		.select({ details: auditLog.details, action: auditLog.action, name: users.name })
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(
			and(
				eq(auditLog.subjectType, 'contract'),
				eq(auditLog.subjectId, String(contractId)),
				inArray(auditLog.action, VERSIONED_ACTIONS)
			)
		)
		.orderBy(asc(auditLog.id))
		.all();
	const changed = new Set<string>();
	const who = new Set<string>();
	for (const row of rows) {
		const details = JSON.parse(row.details ?? '{}') as {
			fromVersion?: number;
			changed?: (keyof ContractFields)[];
		};
		if ((details.fromVersion ?? 0) < version) continue;
		if (row.action === 'contract.transition') changed.add('statut');
		const part = STRUCTURE_CHANGE_LABELS[row.action];
		if (part) changed.add(part);
		for (const key of details.changed ?? []) changed.add(FIELD_LABELS[key] ?? key);
		if (row.name) who.add(row.name);
	}
	const what = changed.size ? ` Éléments modifiés : ${[...changed].join(', ')}.` : '';
	const by = who.size ? ` par ${[...who].join(', ')}` : '';
	return `Ce marché a été modifié${by} depuis que vous avez ouvert le formulaire : vos changements n'ont pas été enregistrés.${what} Rechargez la page pour voir la version actuelle, puis refaites vos modifications.`;
}

export function transitionContract(
	contract: ContractRow,
	to: ContractStatus,
	note: string | null,
	actorId: number,
	today: string,
	now = clockNow()
): Outcome {
	const verdict = checkTransition(
		lifecycleSnapshot(contract, contractLots(contract.id)),
		to,
		today
	);
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	const db = getDb();
	db.transaction(() => {
		db.update(contracts)
			.set({ status: to, version: NEXT_VERSION, updatedAt: now })
			.where(eq(contracts.id, contract.id))
			.run();
		db.insert(contractTransitions)
			.values({
				contractId: contract.id,
				fromStatus: contract.status,
				toStatus: to,
				byUserId: actorId,
				at: now,
				note
			})
			.run();
		audit(
			{
				actorId,
				action: 'contract.transition',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { from: contract.status, to, note, fromVersion: contract.version }
			},
			now
		);
	});
	return { ok: true, value: undefined };
}
