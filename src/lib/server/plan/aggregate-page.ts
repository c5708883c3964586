/**
 * The buyers' view of the plans for one contract: quantities and amounts by commune and budget
 * year (the figures a centrale needs to set a framework's maximum, Coopservice), and which
 * communes' budgets cannot carry the purchase before the planned award.
 */
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { BudgetNature } from '../../domain/catalogue/types';
import { costByBudgetYear } from '../../domain/plan/costs';
import { planFeasibility } from '../../domain/plan/feasibility';
import { monthLabel, monthOf } from '../../domain/plan/months';
import type { CommuneBudgetDates } from '../../domain/commune-budget-calendar';
import type { ContractRow } from '../catalogue/contract';
import { getDb } from '../db/client';
import { budgetCalendars, organisations, planDecisions } from '../db/schema';
import { ADHESION_KINDS } from './decision-files';
import { planConfig } from './config';
import { contractEnd, intentionPlannedItems, listIntentions } from './intentions';

export function aggregatePage(contract: ContractRow, today: string) {
	const intentions = listIntentions({ contractId: contract.id });
	const orgIds = [...new Set(intentions.map((i) => i.organisationId))];
	const db = getDb();
	const names = new Map(
		orgIds.length
			? db
					.select({ id: organisations.id, name: organisations.name })
					.from(organisations)
					.where(inArray(organisations.id, orgIds))
					.all()
					.map((o) => [o.id, o.name])
			: []
	);
	const calendars = new Map<number, CommuneBudgetDates[]>();
	for (const c of orgIds.length
		? db.select().from(budgetCalendars).where(inArray(budgetCalendars.organisationId, orgIds)).all()
		: [])
		calendars.set(c.organisationId, [...(calendars.get(c.organisationId) ?? []), c]);
	// the signed adhesion deliberations the centrale may keep on file: to it, or to this contract
	const adhesionFiles = new Map<number, number>();
	for (const d of orgIds.length
		? db
				.select({ id: planDecisions.id, organisationId: planDecisions.organisationId })
				.from(planDecisions)
				.where(
					and(
						inArray(planDecisions.organisationId, orgIds),
						eq(planDecisions.centraleId, contract.centraleId),
						inArray(planDecisions.kind, [...ADHESION_KINDS]),
						or(
							eq(planDecisions.kind, 'centraleMembership'),
							eq(planDecisions.contractId, contract.id)
						),
						isNotNull(planDecisions.fileSha256)
					)
				)
				.orderBy(planDecisions.id)
				.all()
		: [])
		adhesionFiles.set(d.organisationId, d.id);
	// the month a commune should be able to order: the planned start, else the award, else now
	const awardMonth = monthOf(contract.startDate ?? contract.awardDate ?? today);
	const plan = planConfig();
	const rows = intentions.map((i) => {
		const years = costByBudgetYear(intentionPlannedItems(i), i.targetMonth, contractEnd(contract));
		const own = calendars.get(i.organisationId) ?? [];
		const atAward = planFeasibility({
			today,
			target: awardMonth < monthOf(today) ? monthOf(today) : awardMonth,
			own,
			plan
		});
		return {
			id: i.id,
			commune: names.get(i.organisationId) ?? '—',
			lot: i.lotNumber,
			targetLabel: monthLabel(i.targetMonth),
			quantities: i.items.map((it) => ({
				label: it.label,
				unit: it.unit,
				hundredths: it.quantityHundredths
			})),
			years,
			lateForAward: !atAward.feasible,
			adhesionFileId: adhesionFiles.get(i.organisationId) ?? null,
			earliestLabel: atAward.earliestMonth ? monthLabel(atAward.earliestMonth) : null
		};
	});
	const yearsShown = [...new Set(rows.flatMap((r) => r.years.map((y) => y.year)))].sort();
	// by service too, with the finance directors' choices where they recorded one
	const natureOf = (y: (typeof rows)[number]['years'][number] | undefined, n: BudgetNature) =>
		y ? y.byNature[n].oneOffCents + y.byNature[n].recurringCents : 0;
	const totals = yearsShown.map((year) => {
		const inYear = rows.map((r) => r.years.find((y) => y.year === year));
		return {
			year,
			exclVatCents: inYear.reduce((sum, y) => sum + (y?.exclVatCents ?? 0), 0),
			ordinaireCents: inYear.reduce((sum, y) => sum + natureOf(y, 'ordinaire'), 0),
			extraordinaireCents: inYear.reduce((sum, y) => sum + natureOf(y, 'extraordinaire'), 0)
		};
	});
	return {
		contract: { reference: contract.reference, title: contract.title, status: contract.status },
		awardLabel: monthLabel(awardMonth),
		rows,
		yearsShown,
		totals
	};
}
