/**
 * Buyers' edits of a lot's price items (« postes du bordereau »). Orders copy label, unit, price
 * and VAT rate into their own lines when submitted, so editing an item never changes an order
 * already placed; deleting one that an order names is refused (domain/catalogue/structure-rules).
 */
import { canDeletePriceItem } from '../../domain/catalogue/structure-rules';
import type { BudgetNature, Module, Recurrence, VatRate } from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb } from '../db/client';
import type { Outcome } from './commitments';
import type { ContractRow } from './contract';
import { reindexContract } from './search-index';
import { bumpContractVersion } from './version';

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
		.$client.prepare('select 1 from lots where id = ? and contract_id = ?')
		.get(lotId, contract.id);
}

/** the item's lot, when the item belongs to this contract */
function itemLot(contract: ContractRow, itemId: number) {
	return getDb()
		.$client.prepare(
			`select p.lot_id as lotId from price_items p join lots l on l.id = p.lot_id
			 where p.id = ? and l.contract_id = ?`
		)
		.get(itemId, contract.id) as { lotId: number } | undefined;
}

export function addPriceItem(
	contract: ContractRow,
	input: PriceItemInput,
	actorId: number,
	now = new Date()
): Outcome<number> {
	if (!lotOf(contract, input.lotId)) return { ok: false, message: 'Lot introuvable.' };
	const db = getDb();
	return db.transaction(() => {
		const id = db.$client
			.prepare(
				`insert into price_items (lot_id, label, unit, unit_price_cents, vat_rate, recurrence, budget_nature, suggested_article, module)
				 values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
			)
			.run(
				input.lotId,
				input.label,
				input.unit,
				input.unitPriceCents,
				input.vatRate,
				input.recurrence,
				input.budgetNature,
				input.suggestedArticle,
				input.module
			).lastInsertRowid as number;
		bumpContractVersion(db.$client, contract.id, now);
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
	now = new Date()
): Outcome {
	if (!itemLot(contract, itemId)) return NOT_FOUND;
	const db = getDb();
	return db.transaction(() => {
		const before = db.$client
			.prepare(
				'select label, unit, unit_price_cents as unitPriceCents, vat_rate as vatRate from price_items where id = ?'
			)
			.get(itemId);
		db.$client
			.prepare(
				`update price_items set label = ?, unit = ?, unit_price_cents = ?, vat_rate = ?, recurrence = ?,
				 budget_nature = ?, suggested_article = ?, module = ? where id = ?`
			)
			.run(
				input.label,
				input.unit,
				input.unitPriceCents,
				input.vatRate,
				input.recurrence,
				input.budgetNature,
				input.suggestedArticle,
				input.module,
				itemId
			);
		bumpContractVersion(db.$client, contract.id, now);
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
	now = new Date()
): Outcome<string> {
	if (!itemLot(contract, itemId)) return NOT_FOUND;
	const db = getDb();
	return db.transaction(() => {
		const { n } = db.$client
			.prepare('select count(distinct order_id) as n from order_lines where price_item_id = ?')
			.get(itemId) as { n: number };
		const verdict = canDeletePriceItem({ orders: n });
		if (!verdict.ok) return { ok: false as const, message: verdict.reason };
		const { label } = db.$client
			.prepare('select label from price_items where id = ?')
			.get(itemId) as { label: string };
		db.$client.prepare('delete from price_items where id = ?').run(itemId);
		bumpContractVersion(db.$client, contract.id, now);
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
