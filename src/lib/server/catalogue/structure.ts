/** Buyers' edits of a contract's structure: suppliers, lots and price items. */
import { canDeleteLot } from '../../domain/catalogue/structure-rules';
import { audit } from '../audit';
import { getDb } from '../db/client';
import type { Outcome } from './commitments';
import type { ContractRow } from './contract';
import { reindexContract } from './search-index';
import { bumpContractVersion } from './version';

/** 'BE 0999.000.101' → 'BE0999000101' when the mod-97 check holds, else null */
export function normaliseVat(value: string): string | null {
	const digits = value
		.toUpperCase()
		.replace(/[\s.-]/g, '')
		.replace(/^BE/, '');
	if (!/^[01]\d{9}$/.test(digits)) return null;
	const base = Number(digits.slice(0, 8));
	return 97 - (base % 97) === Number(digits.slice(8)) ? `BE${digits}` : null;
}

export function listSuppliers() {
	return getDb()
		.$client.prepare('select id, name, vat_number as vatNumber from suppliers order by name')
		.all() as { id: number; name: string; vatNumber: string }[];
}

/** Every adjudicataire with the contracts whose lots it holds (the buyers' list). */
export function suppliersWithContracts() {
	return getDb()
		.$client.prepare(
			`select s.id, s.name, s.vat_number as vatNumber,
			 (select group_concat(reference, ', ') from (select distinct c.reference from lots l
			   join contracts c on c.id = l.contract_id where l.supplier_id = s.id order by c.reference)) as contracts
			 from suppliers s order by s.name collate nocase`
		)
		.all() as { id: number; name: string; vatNumber: string; contracts: string | null }[];
}

/**
 * Corrects an adjudicataire's name or VAT number. Orders keep what they were placed with; the
 * search index of every contract it holds a lot of is rebuilt (suppliers' names are searchable).
 */
export function updateSupplier(
	id: number,
	name: string,
	vatNumber: string,
	actorId: number
): Outcome<null> {
	const vat = normaliseVat(vatNumber);
	if (!vat) return { ok: false, message: 'Numéro de TVA invalide : il s’écrit BE0123.456.789.' };
	const db = getDb();
	const before = db.$client
		.prepare('select name, vat_number as vat from suppliers where id = ?')
		.get(id) as { name: string; vat: string } | undefined;
	if (!before) return { ok: false, message: 'Cet adjudicataire n’existe plus.' };
	if (db.$client.prepare('select 1 from suppliers where vat_number = ? and id <> ?').get(vat, id))
		return { ok: false, message: 'Un autre adjudicataire a déjà ce numéro de TVA.' };
	if (before.name === name && before.vat === vat) return { ok: true, value: null };
	db.transaction(() => {
		db.$client
			.prepare('update suppliers set name = ?, vat_number = ? where id = ?')
			.run(name, vat, id);
		const contracts = db.$client
			.prepare('select distinct contract_id from lots where supplier_id = ?')
			.pluck()
			.all(id) as number[];
		for (const contractId of contracts) reindexContract(db.$client, contractId);
		audit({
			actorId,
			action: 'supplier.update',
			subjectType: 'supplier',
			subjectId: id,
			details: { before, after: { name, vat } }
		});
	});
	return { ok: true, value: null };
}

export function addSupplier(name: string, vatNumber: string, actorId: number): Outcome<number> {
	const vat = normaliseVat(vatNumber);
	if (!vat) return { ok: false, message: 'Numéro de TVA invalide : il s’écrit BE0123.456.789.' };
	const db = getDb();
	if (db.$client.prepare('select 1 from suppliers where vat_number = ?').get(vat))
		return { ok: false, message: 'Un adjudicataire avec ce numéro de TVA existe déjà.' };
	return db.transaction(() => {
		const id = db.$client
			.prepare('insert into suppliers (name, vat_number) values (?, ?)')
			.run(name, vat).lastInsertRowid as number;
		audit({
			actorId,
			action: 'supplier.create',
			subjectType: 'supplier',
			subjectId: id,
			details: { name, vat }
		});
		return { ok: true as const, value: id };
	});
}

export function addLot(
	contract: ContractRow,
	input: { title: string; supplierId: number | null; endDate: string | null },
	actorId: number,
	now = new Date()
): Outcome<number> {
	const db = getDb();
	return db.transaction(() => {
		const { n } = db.$client
			.prepare('select coalesce(max(number), 0) + 1 as n from lots where contract_id = ?')
			.get(contract.id) as { n: number };
		const id = db.$client
			.prepare(
				'insert into lots (contract_id, number, title, supplier_id, end_date) values (?, ?, ?, ?, ?)'
			)
			.run(contract.id, n, input.title, input.supplierId, input.endDate).lastInsertRowid as number;
		bumpContractVersion(db.$client, contract.id, now);
		reindexContract(db.$client, contract.id);
		audit(
			{
				actorId,
				action: 'lot.create',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { lotId: id, fromVersion: contract.version, ...input }
			},
			now
		);
		return { ok: true as const, value: id };
	});
}

export function updateLot(
	contract: ContractRow,
	lotId: number,
	input: { supplierId: number | null; endDate: string | null },
	actorId: number,
	now = new Date()
): Outcome {
	const db = getDb();
	return db.transaction(() => {
		const result = db.$client
			.prepare('update lots set supplier_id = ?, end_date = ? where id = ? and contract_id = ?')
			.run(input.supplierId, input.endDate, lotId, contract.id);
		if (!result.changes) return { ok: false as const, message: 'Lot introuvable.' };
		bumpContractVersion(db.$client, contract.id, now);
		reindexContract(db.$client, contract.id);
		audit(
			{
				actorId,
				action: 'lot.update',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { lotId, fromVersion: contract.version, ...input }
			},
			now
		);
		return { ok: true as const, value: undefined };
	});
}

/** Removes a lot and its price items, unless orders or adhesions rest on it. */
export function deleteLot(
	contract: ContractRow,
	lotId: number,
	actorId: number,
	now = new Date()
): Outcome<string> {
	const db = getDb();
	const sqlite = db.$client;
	const lot = sqlite
		.prepare('select number, title from lots where id = ? and contract_id = ?')
		.get(lotId, contract.id) as { number: number; title: string } | undefined;
	if (!lot) return { ok: false, message: 'Lot introuvable.' };
	return db.transaction(() => {
		const { orders } = sqlite
			.prepare('select count(*) as orders from orders where lot_id = ?')
			.get(lotId) as { orders: number };
		const { activeAdhesions } = sqlite
			.prepare(
				'select count(*) as activeAdhesions from adhesions where contract_id = ? and withdrawn_at is null'
			)
			.get(contract.id) as { activeAdhesions: number };
		const verdict = canDeleteLot({ orders, activeAdhesions });
		if (!verdict.ok) return { ok: false as const, message: verdict.reason };
		// price items go with their lot (foreign key on delete cascade)
		sqlite.prepare('delete from lots where id = ?').run(lotId);
		bumpContractVersion(sqlite, contract.id, now);
		reindexContract(sqlite, contract.id);
		audit(
			{
				actorId,
				action: 'lot.delete',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { lotId, number: lot.number, title: lot.title, fromVersion: contract.version }
			},
			now
		);
		return { ok: true as const, value: `Lot ${lot.number} — ${lot.title}` };
	});
}

/** Interest and adhesions per commune, for the buyer (the estimate for the procedure). */
export function contractCommunes(contractId: number) {
	const sqlite = getDb().$client;
	return {
		interests: sqlite
			.prepare(
				`select o.name, i.max_quantity_hundredths as maxQuantityHundredths, i.estimated_amount_cents as estimatedAmountCents, i.note
				 from interests i join organisations o on o.id = i.organisation_id where i.contract_id = ? order by o.name`
			)
			.all(contractId) as {
			name: string;
			maxQuantityHundredths: number;
			estimatedAmountCents: number;
			note: string | null;
		}[],
		adhesions: sqlite
			.prepare(
				`select a.id, o.name, a.decision_reference as decisionReference, a.decision_date as decisionDate, a.modules,
				 a.estimated_quantities as estimatedQuantities, a.withdrawn_at as withdrawnAt
				 from adhesions a join organisations o on o.id = a.organisation_id where a.contract_id = ? order by o.name`
			)
			.all(contractId) as {
			id: number;
			name: string;
			decisionReference: string;
			decisionDate: string;
			modules: string;
			estimatedQuantities: string;
			withdrawnAt: number | null;
		}[]
	};
}
