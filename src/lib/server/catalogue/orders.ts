/**
 * Orders under an adhesion: totals computed by domain/catalogue/money, the framework's maximum
 * checked by domain/catalogue/ceiling (Coopservice), then stored with lines priced as ordered.
 */
import { ceilingCheck } from '../../domain/catalogue/ceiling';
import { canOrder } from '../../domain/catalogue/lifecycle';
import { orderTotals } from '../../domain/catalogue/money';
import { isPriced, unpricedMessage } from '../../domain/catalogue/pricing';
import { quantityFromHundredths } from '../../domain/catalogue/quantity';
import { isVatRate, type OrderStatus, type VatRate } from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb } from '../db/client';
import type { Outcome } from './commitments';
import {
	committedCents,
	contractLots,
	lifecycleSnapshot,
	type ContractRow,
	type PriceItemRow
} from './contract';
import { findActiveAdhesion } from './membership';

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

export function submitOrder(
	contract: ContractRow,
	organisationId: number,
	input: OrderInput,
	actorId: number,
	today: string,
	now = new Date()
): Outcome<SubmittedOrder> {
	const adhesion = findActiveAdhesion(contract.id, organisationId);
	if (!adhesion)
		return { ok: false, message: 'Votre commune doit adhérer à ce marché avant de commander.' };
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
		const orderId = db.$client
			.prepare(
				`insert into orders (adhesion_id, contract_id, organisation_id, lot_id, budget_year, budget_article,
				 status, excl_vat_cents, vat_cents, incl_vat_cents, note, submitted_by, submitted_at)
				 values (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?)`
			)
			.run(
				adhesion.id,
				contract.id,
				organisationId,
				lot.id,
				input.budgetYear,
				input.budgetArticle,
				totals.exclVatCents,
				totals.vatCents,
				totals.inclVatCents,
				input.note ?? null,
				actorId,
				now.getTime()
			).lastInsertRowid as number;
		const insertLine = db.$client.prepare(
			`insert into order_lines (order_id, lot_id, price_item_id, label, unit, quantity_hundredths, unit_price_cents, vat_rate)
			 values (?, ?, ?, ?, ?, ?, ?, ?)`
		);
		for (const line of priced)
			insertLine.run(
				orderId,
				lot.id,
				line.item.id,
				line.item.label,
				line.item.unit,
				line.quantityHundredths,
				line.unitPriceCents,
				line.vatRate
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

/** A buyer's decision on a submitted order; a refusal needs a reason the commune will read. */
export function decideOrder(
	orderId: number,
	decision: 'confirmed' | 'refused',
	reason: string | null,
	actorId: number,
	now = new Date()
): Outcome {
	const db = getDb();
	const row = db.$client.prepare('select status from orders where id = ?').get(orderId) as
		{ status: string } | undefined;
	if (!row) return { ok: false, message: 'Commande introuvable.' };
	if (row.status !== 'submitted')
		return { ok: false, message: 'Cette commande a déjà été traitée.' };
	if (decision === 'refused' && !reason?.trim())
		return { ok: false, message: 'Indiquez la raison du refus : la commune la lira.' };
	db.transaction(() => {
		db.$client
			.prepare(
				'update orders set status = ?, refusal_reason = ?, decided_by = ?, decided_at = ? where id = ?'
			)
			.run(decision, decision === 'refused' ? reason : null, actorId, now.getTime(), orderId);
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

export interface OrderSummary {
	id: number;
	contractReference: string;
	contractTitle: string;
	lotTitle: string;
	status: OrderStatus;
	budgetYear: number;
	budgetArticle: string;
	exclVatCents: number;
	inclVatCents: number;
	submittedAt: number;
	refusalReason: string | null;
	organisationName: string;
}

const SUMMARY = `o.id, c.reference as contractReference, c.title as contractTitle, l.title as lotTitle,
 o.status, o.budget_year as budgetYear, o.budget_article as budgetArticle, o.excl_vat_cents as exclVatCents,
 o.incl_vat_cents as inclVatCents, o.submitted_at as submittedAt, o.refusal_reason as refusalReason,
 org.name as organisationName
 from orders o join contracts c on c.id = o.contract_id join lots l on l.id = o.lot_id
 join organisations org on org.id = o.organisation_id`;

export function communeOrdersForContract(
	contractId: number,
	organisationId: number
): OrderSummary[] {
	return getDb()
		.$client.prepare(
			`select ${SUMMARY} where o.contract_id = ? and o.organisation_id = ? order by o.submitted_at desc`
		)
		.all(contractId, organisationId) as OrderSummary[];
}

export function contractOrders(contractId: number): OrderSummary[] {
	return getDb()
		.$client.prepare(
			`select ${SUMMARY} where o.contract_id = ? order by o.submitted_at desc limit 500`
		)
		.all(contractId) as OrderSummary[];
}

export function communeOrders(organisationId: number, limit = 50, offset = 0): OrderSummary[] {
	return getDb()
		.$client.prepare(
			`select ${SUMMARY} where o.organisation_id = ? order by o.submitted_at desc limit ? offset ?`
		)
		.all(organisationId, limit, offset) as OrderSummary[];
}

/** One order with its lines, supplier and commune: the bon de commande. */
export function findOrder(orderId: number) {
	const sqlite = getDb().$client;
	const order = sqlite
		.prepare(
			`select ${SUMMARY.replace(
				'org.name as organisationName',
				`org.name as organisationName, o.organisation_id as organisationId,
			 o.contract_id as contractId, o.vat_cents as vatCents, o.note, c.centrale_id as centraleId,
			 s.name as supplierName, s.vat_number as supplierVat, u.name as submittedByName,
			 a.decision_reference as decisionReference, a.decision_date as decisionDate`
			)}
			 left join suppliers s on s.id = l.supplier_id left join users u on u.id = o.submitted_by
			 join adhesions a on a.id = o.adhesion_id where o.id = ?`
		)
		.get(orderId) as
		| (OrderSummary & {
				organisationId: number;
				contractId: number;
				vatCents: number;
				note: string | null;
				centraleId: number;
				supplierName: string | null;
				supplierVat: string | null;
				submittedByName: string | null;
				decisionReference: string;
				decisionDate: string;
		  })
		| undefined;
	if (!order) return null;
	const lines = sqlite
		.prepare(
			`select id, label, unit, quantity_hundredths as quantityHundredths, unit_price_cents as unitPriceCents, vat_rate as vatRate
			 from order_lines where order_id = ? order by id`
		)
		.all(orderId) as {
		id: number;
		label: string;
		unit: string;
		quantityHundredths: number;
		unitPriceCents: number;
		vatRate: number;
	}[];
	return { ...order, lines };
}
