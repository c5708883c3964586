/**
 * A commune's purchase intentions: added from a contract page, read by the plan page, removed by
 * the commune. The route checks `can`; `addIntention` checks the plan's rules
 * (domain/plan/intention-rules.ts) and writes the intention with its items in one transaction,
 * so nothing is ever half-saved.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BudgetNature, Recurrence, VatRate } from '../../domain/catalogue/types';
import { isVatRate } from '../../domain/catalogue/types';
import { costByBudgetYear, totalCost, type PlannedItem } from '../../domain/plan/costs';
import { checkIntention } from '../../domain/plan/intention-rules';
import { audit } from '../audit';
import { now as clockNow } from '../clock';
import {
	committedCents,
	contractLots,
	type ContractRow,
	type PriceItemRow
} from '../catalogue/contract';
import type { Outcome } from '../catalogue/commitments';
import { getDb } from '../db/client';
import { lots, priceItems, purchaseIntentionItems, purchaseIntentions, users } from '../db/schema';
import type { IntentionInput } from './intention-form';
import { SUGGESTED, type NatureInput } from './nature-form';

/** The price an estimate counts: the awarded one, else the predecessor's reference, else none. */
export function estimatePriceCents(
	item: Pick<PriceItemRow, 'unitPriceCents' | 'referenceUnitPriceCents'>
): number {
	return item.unitPriceCents ?? item.referenceUnitPriceCents ?? 0;
}

export function plannedItem(
	item: Pick<
		PriceItemRow,
		'unitPriceCents' | 'referenceUnitPriceCents' | 'recurrence' | 'budgetNature' | 'vatRate'
	>,
	quantityHundredths: number,
	natureOverride: BudgetNature | null = null
): PlannedItem {
	return {
		unitPriceCents: estimatePriceCents(item),
		quantityHundredths,
		recurrence: item.recurrence as Recurrence,
		budgetNature: natureOverride ?? (item.budgetNature as BudgetNature),
		vatRate: (isVatRate(item.vatRate) ? item.vatRate : 21) as VatRate
	};
}

/** the contract's end with its extensions: the horizon of an intention's costs */
export const contractEnd = (c: Pick<ContractRow, 'endDate' | 'maxEndDate'>) =>
	c.maxEndDate ?? c.endDate;

export function addIntention(
	contract: ContractRow,
	organisationId: number,
	input: IntentionInput,
	actorId: number,
	today: string,
	now = clockNow()
): Outcome<number> {
	const lot = contractLots(contract.id).find((l) => l.id === input.lotId);
	if (!lot) return { ok: false, message: 'Ce lot n’appartient pas à ce marché.' };
	const byId = new Map(lot.items.map((i) => [i.id, i]));
	const unknown = input.lines.find((l) => !byId.has(l.priceItemId));
	if (unknown) return { ok: false, message: 'Un poste indiqué n’appartient pas à ce lot.' };
	const planned = input.lines.map((l) =>
		plannedItem(byId.get(l.priceItemId)!, l.quantityHundredths)
	);
	const total = totalCost(costByBudgetYear(planned, input.targetMonth, contractEnd(contract)));
	const verdict = checkIntention({
		today,
		targetMonth: input.targetMonth,
		contract,
		committedCents: committedCents(contract.id),
		totalExclVatCents: total.exclVatCents,
		lineCount: input.lines.length
	});
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	const db = getDb();
	const id = db.transaction(() => {
		const row = db
			.insert(purchaseIntentions)
			.values({
				organisationId,
				contractId: contract.id,
				lotId: lot.id,
				modules: input.modules,
				targetMonth: input.targetMonth,
				note: input.note,
				createdBy: actorId
			})
			.returning({ id: purchaseIntentions.id })
			.get();
		db.insert(purchaseIntentionItems)
			.values(input.lines.map((l) => ({ intentionId: row.id, ...l })))
			.run();
		audit(
			{
				actorId,
				action: 'plan.addIntention',
				subjectType: 'organisation',
				subjectId: organisationId,
				details: { contract: contract.reference, lot: lot.number, targetMonth: input.targetMonth }
			},
			now
		);
		return row.id;
	});
	return { ok: true, value: id };
}

/** Removes one of the commune's intentions; false when it is not the commune's. */
export function removeIntention(
	organisationId: number,
	intentionId: number,
	actorId: number
): boolean {
	const db = getDb();
	return db.transaction(() => {
		const removed = db
			.delete(purchaseIntentions)
			.where(
				and(
					eq(purchaseIntentions.id, intentionId),
					eq(purchaseIntentions.organisationId, organisationId)
				)
			)
			.returning({ id: purchaseIntentions.id })
			.all();
		if (removed.length === 0) return false;
		audit({
			actorId,
			action: 'plan.removeIntention',
			subjectType: 'organisation',
			subjectId: organisationId,
			details: { intentionId }
		});
		return true;
	});
}

export type IntentionRow = typeof purchaseIntentions.$inferSelect & {
	lotNumber: number;
	lotTitle: string;
	items: (Pick<
		typeof purchaseIntentionItems.$inferSelect,
		'priceItemId' | 'quantityHundredths' | 'natureOverride' | 'natureChosenAt'
	> &
		PriceItemRow & { natureChosenByName: string | null })[];
};

/** The intentions of some communes (one, or all those planning a contract), with their items. */
export function listIntentions(where: {
	organisationId?: number;
	contractId?: number;
}): IntentionRow[] {
	const db = getDb();
	const rows = db
		.select({ intention: purchaseIntentions, lotNumber: lots.number, lotTitle: lots.title })
		.from(purchaseIntentions)
		.innerJoin(lots, eq(lots.id, purchaseIntentions.lotId))
		.where(
			and(
				where.organisationId === undefined
					? undefined
					: eq(purchaseIntentions.organisationId, where.organisationId),
				where.contractId === undefined
					? undefined
					: eq(purchaseIntentions.contractId, where.contractId)
			)
		)
		.orderBy(asc(purchaseIntentions.targetMonth), asc(purchaseIntentions.id))
		.all();
	if (rows.length === 0) return [];
	const items = db
		.select({
			intentionId: purchaseIntentionItems.intentionId,
			priceItemId: purchaseIntentionItems.priceItemId,
			quantityHundredths: purchaseIntentionItems.quantityHundredths,
			natureOverride: purchaseIntentionItems.natureOverride,
			natureChosenAt: purchaseIntentionItems.natureChosenAt,
			natureChosenByName: users.name,
			item: priceItems
		})
		.from(purchaseIntentionItems)
		.innerJoin(priceItems, eq(priceItems.id, purchaseIntentionItems.priceItemId))
		.leftJoin(users, eq(users.id, purchaseIntentionItems.natureChosenBy))
		.where(
			inArray(
				purchaseIntentionItems.intentionId,
				rows.map((r) => r.intention.id)
			)
		)
		.orderBy(asc(priceItems.id))
		.all();
	// grouped once: a buyer's view reads hundreds of intentions, each with its few items
	const byIntention = new Map<number, IntentionRow['items']>();
	for (const i of items) {
		let list = byIntention.get(i.intentionId);
		if (!list) byIntention.set(i.intentionId, (list = []));
		list.push({
			...i.item,
			priceItemId: i.priceItemId,
			quantityHundredths: i.quantityHundredths,
			natureOverride: i.natureOverride,
			natureChosenAt: i.natureChosenAt,
			natureChosenByName: i.natureChosenByName
		});
	}
	return rows.map((r) => ({
		...r.intention,
		lotNumber: r.lotNumber,
		lotTitle: r.lotTitle,
		items: byIntention.get(r.intention.id) ?? []
	}));
}

/** An intention's items as the cost rules read them. */
export function intentionPlannedItems(intention: IntentionRow): PlannedItem[] {
	return intention.items.map((i) => plannedItem(i, i.quantityHundredths, i.natureOverride));
}

/**
 * Records the finance director's choice of budget service for one item of one of the commune's
 * intentions (who recorded it, when), or removes it to go back to the item's suggestion. The
 * costs per nature, the fiche budgétaire, the export and the buyers' aggregate then read the
 * chosen nature. False when the intention or the item is not the commune's.
 */
export function chooseNature(
	organisationId: number,
	input: NatureInput,
	actorId: number,
	now = clockNow()
): boolean {
	const db = getDb();
	return db.transaction(() => {
		const owned = db
			.select({ id: purchaseIntentionItems.id })
			.from(purchaseIntentionItems)
			.innerJoin(purchaseIntentions, eq(purchaseIntentions.id, purchaseIntentionItems.intentionId))
			.where(
				and(
					eq(purchaseIntentionItems.intentionId, input.intentionId),
					eq(purchaseIntentionItems.priceItemId, input.priceItemId),
					eq(purchaseIntentions.organisationId, organisationId)
				)
			)
			.get();
		if (!owned) return false;
		const nature = input.nature;
		db.update(purchaseIntentionItems)
			.set(
				nature === SUGGESTED
					? { natureOverride: null, natureChosenBy: null, natureChosenAt: null }
					: { natureOverride: nature, natureChosenBy: actorId, natureChosenAt: now }
			)
			.where(eq(purchaseIntentionItems.id, owned.id))
			.run();
		audit(
			{
				actorId,
				action: 'plan.chooseNature',
				subjectType: 'organisation',
				subjectId: organisationId,
				details: { ...input }
			},
			now
		);
		return true;
	});
}
