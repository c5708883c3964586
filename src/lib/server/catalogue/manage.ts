/**
 * The buyers' verbs on a contract: create, save with an optimistic version check, move through
 * the lifecycle (guards from domain/catalogue/lifecycle), and relaunch. Each change is one
 * transaction with its audit entry and a refreshed search row.
 */
import { checkTransition } from '../../domain/catalogue/lifecycle';
import { canRelaunch, relaunchPlan } from '../../domain/catalogue/relaunch';
import {
	isModule,
	isVatRate,
	type ContractStatus,
	type Module
} from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb } from '../db/client';
import type { Outcome } from './commitments';
import {
	contractDocumentList,
	contractLots,
	findContract,
	lifecycleSnapshot,
	type ContractRow
} from './contract';
import { reindexContract } from './search-index';
import { STRUCTURE_CHANGE_LABELS } from './version';

export interface ContractFields {
	title: string;
	summary: string;
	description: string;
	theme: string;
	procedure: string;
	cpvCodes: string[];
	sourceUrl: string | null;
	interestDeadline: string | null;
	tenderCloseDate: string | null;
	awardDate: string | null;
	startDate: string | null;
	endDate: string | null;
	maxEndDate: string | null;
	estimatedValueCents: number | null;
	maxValueCents: number | null;
	modules: Module[];
}

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

const COLUMNS: Record<keyof ContractFields, string> = {
	title: 'title',
	summary: 'summary',
	description: 'description',
	theme: 'theme',
	procedure: 'procedure',
	cpvCodes: 'cpv_codes',
	sourceUrl: 'source_url',
	interestDeadline: 'interest_deadline',
	tenderCloseDate: 'tender_close_date',
	awardDate: 'award_date',
	startDate: 'start_date',
	endDate: 'end_date',
	maxEndDate: 'max_end_date',
	estimatedValueCents: 'estimated_value_cents',
	maxValueCents: 'max_value_cents',
	modules: 'modules'
};

const KEYS = Object.keys(COLUMNS) as (keyof ContractFields)[];
const stored = (f: ContractFields, key: keyof ContractFields) => {
	const v = f[key];
	return Array.isArray(v) ? JSON.stringify(v) : v;
};

export function createContract(
	fields: ContractFields & { reference: string; centraleId: number },
	actorId: number,
	now = new Date()
): Outcome<string> {
	const db = getDb();
	if (db.$client.prepare('select 1 from contracts where reference = ?').get(fields.reference))
		return { ok: false, message: 'Cette référence est déjà utilisée par un autre marché.' };
	db.transaction(() => {
		const id = db.$client
			.prepare(
				`insert into contracts (reference, centrale_id, status, created_by, created_at, updated_at, ${KEYS.map((k) => COLUMNS[k]).join(', ')})
				 values (?, ?, 'planned', ?, ?, ?, ${KEYS.map(() => '?').join(', ')})`
			)
			.run(
				fields.reference,
				fields.centraleId,
				actorId,
				now.getTime(),
				now.getTime(),
				...KEYS.map((k) => stored(fields, k))
			).lastInsertRowid as number;
		db.$client
			.prepare(
				'insert into contract_transitions (contract_id, from_status, to_status, by_user_id, at, note) values (?, null, ?, ?, ?, ?)'
			)
			.run(id, 'planned', actorId, now.getTime(), 'Création du marché');
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
	now = new Date()
): Outcome<number> {
	const db = getDb();
	const current = findContract(contract.id)!;
	if (current.version !== version)
		return { ok: false, message: conflictMessage(contract.id, version) };
	const before = current as unknown as Record<string, unknown>;
	const changes = KEYS.filter(
		(k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(fields[k] ?? null)
	);
	return db.transaction(() => {
		const result = db.$client
			.prepare(
				`update contracts set ${KEYS.map((k) => `${COLUMNS[k]} = ?`).join(', ')}, version = version + 1, updated_at = ?
				 where id = ? and version = ?`
			)
			.run(...KEYS.map((k) => stored(fields, k)), now.getTime(), contract.id, version);
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

const STRUCTURE_ACTIONS = Object.keys(STRUCTURE_CHANGE_LABELS)
	.map((a) => `'${a}'`)
	.join(', ');

function conflictMessage(contractId: number, version: number): string {
	const rows = getDb()
		.$client.prepare(
			`select a.details, a.action, u.name from audit_log a left join users u on u.id = a.actor_id
			 where a.subject_type = 'contract' and a.subject_id = ?
			 and a.action in ('contract.save', 'contract.transition', ${STRUCTURE_ACTIONS})
			 order by a.id`
		)
		.all(String(contractId)) as { details: string | null; action: string; name: string | null }[];
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
	now = new Date()
): Outcome {
	const verdict = checkTransition(
		lifecycleSnapshot(contract, contractLots(contract.id)),
		to,
		today
	);
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	const db = getDb();
	db.transaction(() => {
		db.$client
			.prepare(
				'update contracts set status = ?, version = version + 1, updated_at = ? where id = ?'
			)
			.run(to, now.getTime(), contract.id);
		db.$client
			.prepare(
				'insert into contract_transitions (contract_id, from_status, to_status, by_user_id, at, note) values (?, ?, ?, ?, ?, ?)'
			)
			.run(contract.id, contract.status, to, actorId, now.getTime(), note);
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

/** Creates the successor (structure copied, predecessor linked) and returns its reference. */
export function startRelaunch(
	contract: ContractRow,
	actorId: number,
	today: string,
	now = new Date()
): Outcome<{ reference: string; adherentOrganisationIds: number[] }> {
	const lots = contractLots(contract.id);
	const verdict = canRelaunch(lifecycleSnapshot(contract, lots), today);
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	const db = getDb();
	const sqlite = db.$client;
	const adhesions = sqlite
		.prepare(
			'select organisation_id as organisationId, withdrawn_at as withdrawnAt from adhesions where contract_id = ?'
		)
		.all(contract.id) as { organisationId: number; withdrawnAt: number | null }[];
	const documents = contractDocumentList(contract.id);
	const plan = relaunchPlan({
		...contract,
		lots: lots.map((lot) => ({
			number: lot.number,
			title: lot.title,
			priceItems: lot.items.flatMap((i) =>
				isVatRate(i.vatRate)
					? [
							{
								...i,
								vatRate: i.vatRate,
								recurrence: i.recurrence as 'one_off',
								budgetNature: i.budgetNature as 'ordinaire',
								module: isModule(i.module) ? i.module : null
							}
						]
					: []
			)
		})),
		documents,
		adhesions: adhesions.map((a) => ({
			organisationId: a.organisationId,
			withdrawn: a.withdrawnAt !== null
		}))
	});
	let reference = `${contract.reference}-R`;
	for (let n = 2; sqlite.prepare('select 1 from contracts where reference = ?').get(reference); n++)
		reference = `${contract.reference}-R${n}`;
	const s = plan.successor;
	db.transaction(() => {
		const id = sqlite
			.prepare(
				`insert into contracts (reference, title, summary, description, theme, procedure, cpv_codes, centrale_id,
				 source_url, status, modules, predecessor_id, estimated_value_cents, created_by, created_at, updated_at)
				 values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?, ?)`
			)
			.run(
				reference,
				s.title,
				s.summary,
				s.description,
				s.theme,
				s.procedure,
				JSON.stringify(s.cpvCodes),
				s.centraleId,
				contract.sourceUrl,
				JSON.stringify(s.modules),
				contract.id,
				contract.estimatedValueCents,
				actorId,
				now.getTime(),
				now.getTime()
			).lastInsertRowid as number;
		for (const lot of s.lots) {
			const lotId = sqlite
				.prepare('insert into lots (contract_id, number, title) values (?, ?, ?)')
				.run(id, lot.number, lot.title).lastInsertRowid;
			for (const item of lot.priceItems)
				sqlite
					.prepare(
						`insert into price_items (lot_id, label, unit, unit_price_cents, reference_unit_price_cents, vat_rate, recurrence, budget_nature, suggested_article, module)
						 values (?, ?, ?, null, ?, ?, ?, ?, ?, ?)`
					)
					.run(
						lotId,
						item.label,
						item.unit,
						item.previousUnitPriceCents,
						item.vatRate,
						item.recurrence,
						item.budgetNature,
						item.suggestedArticle,
						item.module
					);
		}
		for (const doc of s.documents)
			sqlite
				.prepare(
					`insert into contract_documents (contract_id, kind, title, is_public, sha256, size, mime, original_filename, uploaded_by, created_at)
					 select ?, kind, ?, 0, sha256, size, mime, original_filename, ?, ? from contract_documents where id = ?`
				)
				.run(id, `${doc.title} (à revoir)`, actorId, now.getTime(), doc.sourceId);
		sqlite
			.prepare(
				'insert into contract_transitions (contract_id, from_status, to_status, by_user_id, at, note) values (?, null, ?, ?, ?, ?)'
			)
			.run(id, 'planned', actorId, now.getTime(), `Relance du marché ${contract.reference}`);
		reindexContract(sqlite, id);
		audit(
			{
				actorId,
				action: 'contract.relaunch',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { successorId: id, reference, adherents: plan.adherentOrganisationIds }
			},
			now
		);
	});
	return { ok: true, value: { reference, adherentOrganisationIds: plan.adherentOrganisationIds } };
}
