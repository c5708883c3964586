/**
 * Buyers' edits of a lot's price items (« postes du bordereau »). Orders copy label, unit, price
 * and VAT rate into their own lines when submitted, so editing an item never changes an order
 * already placed; deleting one that an order names is refused (domain/catalogue/structure-rules).
 */
import { and, countDistinct, eq } from 'drizzle-orm';
import { canDeletePriceItem } from '../../domain/catalogue/structure-rules';
import type { BudgetNature, Module, Recurrence, VatRate } from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { lots, orderLines, priceItems } from '../db/schema';
import type { Outcome } from './commitments';
import type { ContractRow } from './contract';
import { reindexContract } from './search-index';
import { bumpContractVersion } from './version';
import { now as clockNow } from '../clock';

export interface PriceItemInput {
	lotId: number;
	label: string;
	unit: string;
	/** null: « prix à fixer » */
	unitPriceCents: number | null;
	vatRate: VatRate;
	recurrence: Recurrence;
	budgetNature: BudgetNature;
	suggestedArticle: string | null;
	module: Module | null;
}

const NOT_FOUND = { ok: false as const, message: 'Ce poste est introuvable dans ce marché.' };

function lotOf(contract: ContractRow, lotId: number) {
	return getDb()
		.select({ id: lots.id })
		.from(lots)
		.where(and(eq(lots.id, lotId), eq(lots.contractId, contract.id)))
		.get();
}

/** the item's lot, when the item belongs to this contract */
function itemLot(contract: ContractRow, itemId: number) {
	return getDb()
		.select({ lotId: priceItems.lotId })
		.from(priceItems)
		.innerJoin(lots, eq(lots.id, priceItems.lotId))
		.where(and(eq(priceItems.id, itemId), eq(lots.contractId, contract.id)))
		.get();
}

/** The columns an edit writes: everything but the lot, which is set once, at creation. */
function itemColumns(input: Omit<PriceItemInput, 'lotId'>) {
	return {
		label: input.label,
		unit: input.unit,
		unitPriceCents: input.unitPriceCents,
		vatRate: input.vatRate,
		recurrence: input.recurrence,
		budgetNature: input.budgetNature,
		suggestedArticle: input.suggestedArticle,
		module: input.module
	};
}

export function addPriceItem(
	contract: ContractRow,
	input: PriceItemInput,
	actorId: number,
	now = clockNow()
): Outcome<number> {
	if (!lotOf(contract, input.lotId)) return { ok: false, message: 'Lot introuvable.' };
	const db = getDb();
	return db.transaction(() => {
		const { id } = db
			.insert(priceItems)
			.values({ lotId: input.lotId, ...itemColumns(input) })
			.returning({ id: priceItems.id })
			.get();
		bumpContractVersion(contract.id, now);
		reindexContract(db.$client, contract.id);
		audit(
			{
				actorId,
				action: 'priceItem.create',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { priceItemId: id, fromVersion: contract.version, ...input }
			},
			now
		);
		return { ok: true as const, value: id };
	});
}

/** Changes an item in place; the lot it belongs to stays the same. */
export function updatePriceItem(
	contract: ContractRow,
	itemId: number,
	input: Omit<PriceItemInput, 'lotId'>,
	actorId: number,
	now = clockNow()
): Outcome {
	if (!itemLot(contract, itemId)) return NOT_FOUND;
	const db = getDb();
	return db.transaction(() => {
		const before = db
			.select({
				label: priceItems.label,
				unit: priceItems.unit,
				unitPriceCents: priceItems.unitPriceCents,
				vatRate: priceItems.vatRate
			})
			.from(priceItems)
			.where(eq(priceItems.id, itemId))
			.get();
		db.update(priceItems).set(itemColumns(input)).where(eq(priceItems.id, itemId)).run();
		bumpContractVersion(contract.id, now);
		reindexContract(db.$client, contract.id);
		audit(
			{
				actorId,
				action: 'priceItem.update',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { priceItemId: itemId, fromVersion: contract.version, before, after: input }
			},
			now
		);
		return { ok: true as const, value: undefined };
	});
}

export function deletePriceItem(
	contract: ContractRow,
	itemId: number,
	actorId: number,
	now = clockNow()
): Outcome<string> {
	if (!itemLot(contract, itemId)) return NOT_FOUND;
	const db = getDb();
	return db.transaction(() => {
		const { n } = db
			.select({ n: countDistinct(orderLines.orderId) })
			.from(orderLines)
			.where(eq(orderLines.priceItemId, itemId))
			.get()!;
		const verdict = canDeletePriceItem({ orders: n });
		if (!verdict.ok) return { ok: false as const, message: verdict.reason };
		const { label } = db
			.delete(priceItems)
			.where(eq(priceItems.id, itemId))
			.returning({ label: priceItems.label })
			.get()!;
		bumpContractVersion(contract.id, now);
		reindexContract(db.$client, contract.id);
		audit(
			{
				actorId,
				action: 'priceItem.delete',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { priceItemId: itemId, label, fromVersion: contract.version }
			},
			now
		);
		return { ok: true as const, value: label };
	});
}
