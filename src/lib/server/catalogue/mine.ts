/** « Mes marchés »: a commune's adhesions, interests, recent orders and coming end dates. */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { addDays } from '../../domain/catalogue/dates';
import { sumOrZero } from '../db/expressions';
import { preparedQueries } from '../db/prepared';
import { adhesions, contracts, interests, orders } from '../db/schema';
import { SUCCESSOR_REFERENCE } from './contract';
import { communeOrders } from './orders';

const UPCOMING_DAYS = 365;

const organisationId = sql.placeholder('organisationId');

const queries = preparedQueries((db) => ({
	adhesions: db
		.select({
			id: adhesions.id,
			decisionReference: adhesions.decisionReference,
			decisionDate: adhesions.decisionDate,
			modules: adhesions.modules,
			reference: contracts.reference,
			title: contracts.title,
			status: contracts.status,
			endDate: contracts.endDate,
			maxEndDate: contracts.maxEndDate,
			successorReference: SUCCESSOR_REFERENCE
		})
		.from(adhesions)
		.innerJoin(contracts, eq(contracts.id, adhesions.contractId))
		.where(and(eq(adhesions.organisationId, organisationId), isNull(adhesions.withdrawnAt)))
		.orderBy(asc(contracts.endDate))
		.prepare(),
	interests: db
		.select({
			id: interests.id,
			maxQuantityHundredths: interests.maxQuantityHundredths,
			estimatedAmountCents: interests.estimatedAmountCents,
			reference: contracts.reference,
			title: contracts.title,
			status: contracts.status,
			interestDeadline: contracts.interestDeadline
		})
		.from(interests)
		.innerJoin(contracts, eq(contracts.id, interests.contractId))
		.where(eq(interests.organisationId, organisationId))
		.orderBy(asc(contracts.interestDeadline))
		.prepare(),
	orderStats: db
		.select({ status: orders.status, n: count(), inclVatCents: sumOrZero(orders.inclVatCents) })
		.from(orders)
		.where(eq(orders.organisationId, organisationId))
		.groupBy(orders.status)
		.prepare()
}));

export function listMyContracts(organisationId: number, today: string) {
	const q = queries();
	const adhesions = q.adhesions.all({ organisationId });
	const orderStats = q.orderStats.all({ organisationId });
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
		adhesions,
		interests: q.interests.all({ organisationId }),
		orders: communeOrders(organisationId, 50),
		orderStats,
		orderCount: orderStats.reduce((n, s) => n + s.n, 0),
		upcoming
	};
}
