/**
 * The plan page of one commune in one call: each intention with its estimated cost per budget
 * year, the feasibility of its wished month on the commune's calendar, the decisions it still
 * needs; the 24-month timeline, what to do now, and the spend per year and service.
 */
import { DEFAULT_BUDGET_CALENDAR } from '../../domain/budget-calendar';
import { STATUS_LABELS } from '../../domain/catalogue/labels';
import type { BudgetNature } from '../../domain/catalogue/types';
import { costByBudgetYear, totalCost } from '../../domain/plan/costs';
import { decisionChain } from '../../domain/plan/decisions';
import { planFeasibility } from '../../domain/plan/feasibility';
import { monthLabel } from '../../domain/plan/months';
import { planTimeline, spendByYear, todoNow } from '../../domain/plan/timeline';
import { listBudgetCalendars } from '../budget-calendars';
import { findContract } from '../catalogue/contract';
import { findActiveAdhesion, findInterest, findMembership } from '../catalogue/membership';
import { planConfig } from './config';
import { listRecordedDecisions, recordedKinds } from './decisions';
import { contractEnd, intentionPlannedItems, listIntentions } from './intentions';

export function planPage(organisation: { id: number; name: string }, today: string) {
	const config = planConfig();
	const own = listBudgetCalendars(organisation.id);
	const membership = findMembership(organisation.id);
	const recorded = listRecordedDecisions(organisation.id);
	const intentions = listIntentions({ organisationId: organisation.id }).map((i) => {
		const contract = findContract(i.contractId)!;
		const years = costByBudgetYear(intentionPlannedItems(i), i.targetMonth, contractEnd(contract));
		const kinds = recordedKinds(recorded, contract);
		return {
			id: i.id,
			title: `${contract.title} (lot ${i.lotNumber})`,
			contract: {
				reference: contract.reference,
				title: contract.title,
				status: STATUS_LABELS[contract.status],
				centraleName: contract.centraleName
			},
			lot: { number: i.lotNumber, title: i.lotTitle },
			modules: i.modules,
			items: i.items.map((it) => ({
				priceItemId: it.priceItemId,
				label: it.label,
				suggested: it.budgetNature as BudgetNature,
				chosen: it.natureOverride,
				chosenBy: it.natureChosenByName,
				chosenAt: it.natureChosenAt
			})),
			targetMonth: i.targetMonth,
			targetLabel: monthLabel(i.targetMonth),
			years,
			total: totalCost(years),
			feasibility: planFeasibility({ today, target: i.targetMonth, own, plan: config }),
			recorded: recorded
				.filter((d) => recordedKinds([d], contract).length > 0)
				.map((d) => ({
					id: d.id,
					kind: d.kind,
					decidedOn: d.decidedOn,
					reference: d.reference,
					hasFile: d.hasFile
				})),
			decisions: decisionChain(
				{
					contractStatus: contract.status,
					memberOfCentrale:
						membership?.centraleId === contract.centraleId || kinds.includes('centraleMembership'),
					interestDeclared: !!findInterest(contract.id, organisation.id),
					adhered: !!findActiveAdhesion(contract.id, organisation.id),
					recorded: kinds,
					amountExclVatCents: years[0]?.exclVatCents ?? 0
				},
				config
			)
		};
	});
	return {
		organisation,
		today,
		intentions,
		timeline: planTimeline(today, intentions, own, DEFAULT_BUDGET_CALENDAR),
		todo: todoNow(intentions),
		spend: spendByYear(intentions.map((i) => i.years))
	};
}

export type PlanPage = ReturnType<typeof planPage>;
