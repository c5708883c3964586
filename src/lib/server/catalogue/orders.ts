/**
 * Orders under an adhesion: totals computed by domain/catalogue/money, the framework's maximum
 * checked by domain/catalogue/ceiling (Coopservice), then stored with lines priced as ordered.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { ceilingCheck } from '../../domain/catalogue/ceiling';
import { canOrder } from '../../domain/catalogue/lifecycle';
import { orderTotals } from '../../domain/catalogue/money';
import { isPriced, unpricedMessage } from '../../domain/catalogue/pricing';
import { quantityFromHundredths } from '../../domain/catalogue/quantity';
import { isVatRate, type VatRate } from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb, type Db } from '../db/client';
import { epochMs } from '../db/expressions';
import { preparedQueries } from '../db/prepared';
import {
	adhesions,
	contracts,
	lots,
	orderLines,
	orders,
	planDecisions,
	organisations,
	suppliers,
	users
} from '../db/schema';
import type { Outcome } from './commitments';
import {
	committedCents,
	contractLots,
	findContract,
	lifecycleSnapshot,
	type ContractRow,
	type PriceItemRow
} from './contract';
import { findActiveAdhesion } from './membership';
import { recordOrderEvent } from './order-events';
import { announceOrderDecided, announceOrderPlaced, type OrderNotice } from './order-notices';

export { ORDER_STATUSES, type OrderStatus } from '../../domain/catalogue/types';

export interface OrderInput {
	lotId: number;
	/** quantities in hundredths (250 is 2,5), as parsed by domain/catalogue/quantity */
	lines: { priceItemId: number; quantityHundredths: number }[];
	budgetYear: number;
	budgetArticle: string;
	note?: string | null;
}

export interface SubmittedOrder {
	orderId: number;
	/** set when the contract reaches 80 % of its maximum with this order */
	warning: string | null;
}

/** whether the commune's council deliberation of adhesion to the centrale is on file */
function hasMembershipDecision(organisationId: number, centraleId: number): boolean {
	return !!getDb()
		.select({ id: planDecisions.id })
		.from(planDecisions)
		.where(
			and(
				eq(planDecisions.organisationId, organisationId),
				eq(planDecisions.centraleId, centraleId),
				eq(planDecisions.kind, 'centraleMembership')
			)
		)
		.get();
}

export function submitOrder(
	contract: ContractRow,
	organisationId: number,
	input: OrderInput,
	actorId: number,
	today: string,
	now: Date
): Outcome<SubmittedOrder> {
	const adhesion = findActiveAdhesion(contract.id, organisationId);
	if (!adhesion)
		return { ok: false, message: 'Votre commune doit adhérer à ce marché avant de commander.' };
	if (
		contract.requireMembershipDecision &&
		!hasMembershipDecision(organisationId, contract.centraleId)
	)
		return {
			ok: false,
			message:
				'Ce marché n’accepte une commande qu’une fois la délibération du conseil portant adhésion à la centrale enregistrée : enregistrez-la dans votre plan d’achats, puis commandez.'
		};
	const lots = contractLots(contract.id);
	const verdict = canOrder(lifecycleSnapshot(contract, lots), input.lotId, today);
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	const lot = lots.find((l) => l.id === input.lotId)!;
	const lines = input.lines.filter((l) => l.quantityHundredths > 0);
	if (!lines.length) return { ok: false, message: 'Indiquez une quantité pour au moins un poste.' };
	const priced: {
		quantityHundredths: number;
		quantity: number;
		item: PriceItemRow;
		unitPriceCents: number;
		vatRate: VatRate;
	}[] = [];
	for (const line of lines) {
		const item = lot.items.find((i) => i.id === line.priceItemId);
		if (!item || !isVatRate(item.vatRate))
			return { ok: false, message: "Un poste commandé n'appartient pas à ce lot." };
		if (!isPriced(item)) return { ok: false, message: unpricedMessage(item.label) };
		priced.push({
			...line,
			quantity: quantityFromHundredths(line.quantityHundredths),
			item,
			unitPriceCents: item.unitPriceCents,
			vatRate: item.vatRate
		});
	}
	const totals = orderTotals(priced);
	const db = getDb();
	return db.transaction(() => {
		// inside the transaction: two orders at once cannot both slip under the maximum
		const ceiling = ceilingCheck(
			contract.maxValueCents,
			committedCents(contract.id),
			totals.exclVatCents
		);
		if (ceiling.level === 'exceeded') return { ok: false as const, message: ceiling.message };
		const { orderId } = db
			.insert(orders)
			.values({
				adhesionId: adhesion.id,
				contractId: contract.id,
				organisationId,
				lotId: lot.id,
				budgetYear: input.budgetYear,
				budgetArticle: input.budgetArticle,
				status: 'submitted',
				exclVatCents: totals.exclVatCents,
				vatCents: totals.vatCents,
				inclVatCents: totals.inclVatCents,
				note: input.note ?? null,
				submittedBy: actorId,
				submittedAt: now
			})
			.returning({ orderId: orders.id })
			.get();
		db.insert(orderLines)
			.values(
				priced.map((line) => ({
					orderId,
					lotId: lot.id,
					priceItemId: line.item.id,
					label: line.item.label,
					unit: line.item.unit,
					quantityHundredths: line.quantityHundredths,
					unitPriceCents: line.unitPriceCents,
					vatRate: line.vatRate
				}))
			)
			.run();
		recordOrderEvent(orderId, 'submitted', actorId, now);
		announceOrderPlaced(
			{
				orderId,
				contract,
				organisationId,
				organisationName: organisationName(organisationId),
				...totals
			},
			actorId,
			now
		);
		audit(
			{
				actorId,
				action: 'order.submit',
				subjectType: 'order',
				subjectId: orderId,
				details: { contractId: contract.id, organisationId, ...totals, lines: input.lines }
			},
			now
		);
		return {
			ok: true as const,
			value: { orderId, warning: ceiling.level === 'warning' ? ceiling.message : null }
		};
	});
}

/**
 * A buyer's decision on a submitted order; a refusal needs a reason the commune will read. The
 * commune's people who placed it and its referents are told, in the portal and by mail.
 */
export function decideOrder(
	orderId: number,
	decision: 'confirmed' | 'refused',
	reason: string | null,
	actorId: number,
	now: Date
): Outcome {
	const db = getDb();
	const row = db.select().from(orders).where(eq(orders.id, orderId)).get();
	if (!row) return { ok: false, message: 'Commande introuvable.' };
	if (row.status !== 'submitted')
		return { ok: false, message: 'Cette commande a déjà été traitée.' };
	if (decision === 'refused' && !reason?.trim())
		return { ok: false, message: 'Indiquez la raison du refus : la commune la lira.' };
	const refusalReason = decision === 'refused' ? reason : null;
	const notice: OrderNotice = {
		orderId,
		contract: findContract(row.contractId)!,
		organisationId: row.organisationId,
		organisationName: organisationName(row.organisationId),
		exclVatCents: row.exclVatCents,
		inclVatCents: row.inclVatCents
	};
	db.transaction(() => {
		db.update(orders)
			.set({ status: decision, refusalReason, decidedBy: actorId, decidedAt: now })
			.where(eq(orders.id, orderId))
			.run();
		recordOrderEvent(orderId, decision, actorId, now, refusalReason);
		announceOrderDecided(notice, decision, refusalReason, row.submittedBy, now);
		audit(
			{
				actorId,
				action: `order.${decision}`,
				subjectType: 'order',
				subjectId: orderId,
				details: { reason }
			},
			now
		);
	});
	return { ok: true, value: undefined };
}

function organisationName(id: number): string {
	return (
		getDb()
			.select({ name: organisations.name })
			.from(organisations)
			.where(eq(organisations.id, id))
			.get()?.name ?? ''
	);
}

const SUMMARY = {
	id: orders.id,
	contractReference: contracts.reference,
	contractTitle: contracts.title,
	lotTitle: lots.title,
	status: orders.status,
	budgetYear: orders.budgetYear,
	budgetArticle: orders.budgetArticle,
	exclVatCents: orders.exclVatCents,
	inclVatCents: orders.inclVatCents,
	submittedAt: epochMs(orders.submittedAt),
	refusalReason: orders.refusalReason,
	organisationName: organisations.name
};

/** Orders with their contract, lot and commune, as the lists show them. */
function summaries(db: Db) {
	return db
		.select(SUMMARY)
		.from(orders)
		.innerJoin(contracts, eq(contracts.id, orders.contractId))
		.innerJoin(lots, eq(lots.id, orders.lotId))
		.innerJoin(organisations, eq(organisations.id, orders.organisationId))
		.$dynamic();
}

const newestFirst = desc(orders.submittedAt);
const placeholder = (name: string) => sql.placeholder(name);

const queries = preparedQueries((db) => ({
	ofCommuneOnContract: summaries(db)
		.where(
			and(
				eq(orders.contractId, placeholder('contractId')),
				eq(orders.organisationId, placeholder('organisationId'))
			)
		)
		.orderBy(newestFirst)
		.prepare(),
	ofContract: summaries(db)
		.where(eq(orders.contractId, placeholder('contractId')))
		.orderBy(newestFirst)
		.limit(500)
		.prepare(),
	ofCommune: summaries(db)
		.where(eq(orders.organisationId, placeholder('organisationId')))
		.orderBy(newestFirst)
		.limit(placeholder('limit'))
		.offset(placeholder('offset'))
		.prepare()
}));

export type OrderSummary = ReturnType<ReturnType<typeof queries>['ofContract']['all']>[number];

export function communeOrdersForContract(
	contractId: number,
	organisationId: number
): OrderSummary[] {
	return queries().ofCommuneOnContract.all({ contractId, organisationId });
}

export function contractOrders(contractId: number): OrderSummary[] {
	return queries().ofContract.all({ contractId });
}

export function communeOrders(organisationId: number, limit = 50, offset = 0): OrderSummary[] {
	return queries().ofCommune.all({ organisationId, limit, offset });
}

/** One order with its lines, supplier and commune: the bon de commande. */
export function findOrder(orderId: number) {
	const db = getDb();
	const order = db
		.select({
			...SUMMARY,
			organisationId: orders.organisationId,
			contractId: orders.contractId,
			vatCents: orders.vatCents,
			note: orders.note,
			centraleId: contracts.centraleId,
			supplierName: suppliers.name,
			supplierVat: suppliers.vatNumber,
			submittedByName: users.name,
			decisionReference: adhesions.decisionReference,
			decisionDate: adhesions.decisionDate
		})
		.from(orders)
		.innerJoin(contracts, eq(contracts.id, orders.contractId))
		.innerJoin(lots, eq(lots.id, orders.lotId))
		.innerJoin(organisations, eq(organisations.id, orders.organisationId))
		.leftJoin(suppliers, eq(suppliers.id, lots.supplierId))
		.leftJoin(users, eq(users.id, orders.submittedBy))
		.innerJoin(adhesions, eq(adhesions.id, orders.adhesionId))
		.where(eq(orders.id, orderId))
		.get();
	if (!order) return null;
	const lines = db
		.select({
			id: orderLines.id,
			label: orderLines.label,
			unit: orderLines.unit,
			quantityHundredths: orderLines.quantityHundredths,
			unitPriceCents: orderLines.unitPriceCents,
			vatRate: orderLines.vatRate
		})
		.from(orderLines)
		.where(eq(orderLines.orderId, orderId))
		.orderBy(asc(orderLines.id))
		.all();
	return { ...order, lines };
}
