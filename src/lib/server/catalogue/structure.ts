/** Buyers' edits of a contract's structure: suppliers, lots and price items. */
import { and, asc, count, eq, isNull, max, ne, sql } from 'drizzle-orm';
import { canDeleteLot } from '../../domain/catalogue/structure-rules';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { epochMs } from '../db/expressions';
import {
	adhesions,
	contracts,
	interests,
	lots,
	orders,
	organisations,
	suppliers
} from '../db/schema';
import type { Outcome } from './commitments';
import type { ContractRow } from './contract';
import { reindexContract } from './search-index';
import { bumpContractVersion } from './version';
import { now as clockNow } from '../clock';

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

const SUPPLIER = { id: suppliers.id, name: suppliers.name, vatNumber: suppliers.vatNumber };

export function listSuppliers() {
	return getDb().select(SUPPLIER).from(suppliers).orderBy(asc(suppliers.name)).all();
}

/** Every adjudicataire with the contracts whose lots it holds (the buyers' list). */
export function suppliersWithContracts() {
	const db = getDb();
	const held = db
		.selectDistinct({ reference: contracts.reference })
		.from(lots)
		.innerJoin(contracts, eq(contracts.id, lots.contractId))
		.where(eq(lots.supplierId, suppliers.id))
		.orderBy(asc(contracts.reference))
		.as('held');
	return (
		db
			.select({
				...SUPPLIER,
				// group_concat over the sorted distinct references: the aggregate has no drizzle builder
				contracts: sql<string | null>`(select group_concat(${held.reference}, ', ') from ${held})`
			})
			.from(suppliers)
			// `collate nocase` has no drizzle builder
			.orderBy(sql`${suppliers.name} collate nocase`)
			.all()
	);
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
	const before = db
		.select({ name: suppliers.name, vat: suppliers.vatNumber })
		.from(suppliers)
		.where(eq(suppliers.id, id))
		.get();
	if (!before) return { ok: false, message: 'Cet adjudicataire n’existe plus.' };
	if (supplierWithVat(vat, id))
		return { ok: false, message: 'Un autre adjudicataire a déjà ce numéro de TVA.' };
	if (before.name === name && before.vat === vat) return { ok: true, value: null };
	db.transaction(() => {
		db.update(suppliers).set({ name, vatNumber: vat }).where(eq(suppliers.id, id)).run();
		const held = db
			.selectDistinct({ contractId: lots.contractId })
			.from(lots)
			.where(eq(lots.supplierId, id))
			.all();
		for (const { contractId } of held) reindexContract(db.$client, contractId);
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

/** Whether another adjudicataire (not `exceptId`) already has this VAT number. */
function supplierWithVat(vat: string, exceptId?: number): boolean {
	return !!getDb()
		.select({ id: suppliers.id })
		.from(suppliers)
		.where(
			and(
				eq(suppliers.vatNumber, vat),
				exceptId === undefined ? undefined : ne(suppliers.id, exceptId)
			)
		)
		.get();
}

export function addSupplier(name: string, vatNumber: string, actorId: number): Outcome<number> {
	const vat = normaliseVat(vatNumber);
	if (!vat) return { ok: false, message: 'Numéro de TVA invalide : il s’écrit BE0123.456.789.' };
	const db = getDb();
	if (supplierWithVat(vat))
		return { ok: false, message: 'Un adjudicataire avec ce numéro de TVA existe déjà.' };
	return db.transaction(() => {
		const { id } = db
			.insert(suppliers)
			.values({ name, vatNumber: vat })
			.returning({ id: suppliers.id })
			.get();
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
	now = clockNow()
): Outcome<number> {
	const db = getDb();
	return db.transaction(() => {
		const { last } = db
			.select({ last: max(lots.number) })
			.from(lots)
			.where(eq(lots.contractId, contract.id))
			.get()!;
		const { id } = db
			.insert(lots)
			.values({
				contractId: contract.id,
				number: (last ?? 0) + 1,
				title: input.title,
				supplierId: input.supplierId,
				endDate: input.endDate
			})
			.returning({ id: lots.id })
			.get();
		bumpContractVersion(contract.id, now);
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
	now = clockNow()
): Outcome {
	const db = getDb();
	return db.transaction(() => {
		const result = db
			.update(lots)
			.set({ supplierId: input.supplierId, endDate: input.endDate })
			.where(and(eq(lots.id, lotId), eq(lots.contractId, contract.id)))
			.run();
		if (!result.changes) return { ok: false as const, message: 'Lot introuvable.' };
		bumpContractVersion(contract.id, now);
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
	now = clockNow()
): Outcome<string> {
	const db = getDb();
	const lot = db
		.select({ number: lots.number, title: lots.title })
		.from(lots)
		.where(and(eq(lots.id, lotId), eq(lots.contractId, contract.id)))
		.get();
	if (!lot) return { ok: false, message: 'Lot introuvable.' };
	return db.transaction(() => {
		const placed = db.select({ n: count() }).from(orders).where(eq(orders.lotId, lotId)).get()!;
		const running = db
			.select({ n: count() })
			.from(adhesions)
			.where(and(eq(adhesions.contractId, contract.id), isNull(adhesions.withdrawnAt)))
			.get()!;
		const verdict = canDeleteLot({ orders: placed.n, activeAdhesions: running.n });
		if (!verdict.ok) return { ok: false as const, message: verdict.reason };
		// price items go with their lot (foreign key on delete cascade)
		db.delete(lots).where(eq(lots.id, lotId)).run();
		bumpContractVersion(contract.id, now);
		reindexContract(db.$client, contract.id);
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
	const db = getDb();
	return {
		interests: db
			.select({
				name: organisations.name,
				maxQuantityHundredths: interests.maxQuantityHundredths,
				estimatedAmountCents: interests.estimatedAmountCents,
				note: interests.note
			})
			.from(interests)
			.innerJoin(organisations, eq(organisations.id, interests.organisationId))
			.where(eq(interests.contractId, contractId))
			.orderBy(asc(organisations.name))
			.all(),
		adhesions: db
			.select({
				id: adhesions.id,
				name: organisations.name,
				decisionReference: adhesions.decisionReference,
				decisionDate: adhesions.decisionDate,
				modules: adhesions.modules,
				estimatedQuantities: adhesions.estimatedQuantities,
				withdrawnAt: epochMs(adhesions.withdrawnAt)
			})
			.from(adhesions)
			.innerJoin(organisations, eq(organisations.id, adhesions.organisationId))
			.where(eq(adhesions.contractId, contractId))
			.orderBy(asc(organisations.name))
			.all()
	};
}
