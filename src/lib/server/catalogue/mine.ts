/** « Mes marchés »: a commune's adhesions, interests, recent orders and coming end dates. */
import { addDays } from '../../domain/catalogue/dates';
import type { ContractStatus } from '../../domain/catalogue/types';
import { getDb } from '../db/client';
import { communeOrders } from './orders';

const UPCOMING_DAYS = 365;

export function listMyContracts(organisationId: number, today: string) {
	const sqlite = getDb().$client;
	const adhesions = sqlite
		.prepare(
			`select a.id, a.decision_reference as decisionReference, a.decision_date as decisionDate,
			 a.modules, c.reference, c.title, c.status, c.end_date as endDate, c.max_end_date as maxEndDate,
			 (select s.reference from contracts s where s.predecessor_id = c.id order by s.id desc limit 1) as successorReference
			 from adhesions a join contracts c on c.id = a.contract_id
			 where a.organisation_id = ? and a.withdrawn_at is null order by c.end_date`
		)
		.all(organisationId) as {
		id: number;
		decisionReference: string;
		decisionDate: string;
		modules: string;
		reference: string;
		title: string;
		status: ContractStatus;
		endDate: string | null;
		maxEndDate: string | null;
		successorReference: string | null;
	}[];
	const interests = sqlite
		.prepare(
			`select i.id, i.max_quantity_hundredths as maxQuantityHundredths, i.estimated_amount_cents as estimatedAmountCents,
			 c.reference, c.title, c.status, c.interest_deadline as interestDeadline
			 from interests i join contracts c on c.id = i.contract_id
			 where i.organisation_id = ? order by c.interest_deadline`
		)
		.all(organisationId) as {
		id: number;
		maxQuantityHundredths: number;
		estimatedAmountCents: number;
		reference: string;
		title: string;
		status: ContractStatus;
		interestDeadline: string | null;
	}[];
	const orderStats = sqlite
		.prepare(
			`select status, count(*) as n, coalesce(sum(incl_vat_cents), 0) as inclVatCents
			 from orders where organisation_id = ? group by status`
		)
		.all(organisationId) as { status: string; n: number; inclVatCents: number }[];
	const horizon = addDays(today, UPCOMING_DAYS);
	const upcoming = adhesions
		.filter((a) => a.endDate && a.endDate >= today && a.endDate <= horizon)
		.map((a) => ({
			reference: a.reference,
			title: a.title,
			endDate: a.endDate!,
			successorReference: a.successorReference
		}));
	return {
		adhesions: adhesions.map((a) => ({ ...a, modules: JSON.parse(a.modules) as string[] })),
		interests,
		orders: communeOrders(organisationId, 50),
		orderStats,
		orderCount: orderStats.reduce((n, s) => n + s.n, 0),
		upcoming
	};
}
