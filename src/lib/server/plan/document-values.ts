/**
 * The values a generated document is filled with, computed once from an intention and stored
 * with the generation (plan_documents.values): regenerating from them gives the same text.
 */
import { VEHICLE_LABELS } from '../../domain/budget-calendar';
import { suggestedArticle } from '../../domain/catalogue/budget';
import { BUDGET_NATURE_LABELS, RECURRENCE_LABELS } from '../../domain/catalogue/labels';
import type { BudgetNature, Recurrence } from '../../domain/catalogue/types';
import { formatDate, formatMoney, formatQuantity } from '../../domain/format';
import type { PlanPage } from './plan-page';
import type { IntentionRow } from './intentions';
import { estimatePriceCents } from './intentions';

type PlannedIntention = PlanPage['intentions'][number];

export function documentValues(
	organisation: { name: string; nisCode: string | null },
	row: IntentionRow,
	planned: PlannedIntention,
	today: string
): Record<string, string> {
	const natures = new Set<BudgetNature>(
		row.items.map((i) => i.natureOverride ?? (i.budgetNature as BudgetNature))
	);
	const f = planned.feasibility;
	const first = planned.years[0];
	return {
		commune: organisation.name,
		nis: organisation.nisCode ?? '—',
		centrale: planned.contract.centraleName,
		marche: planned.contract.reference,
		intitule: planned.contract.title,
		lots: `lot ${planned.lot.number} « ${planned.lot.title} »`,
		quantites: row.items
			.map(
				(i) =>
					`- ${i.label} : ${formatQuantity(i.quantityHundredths)} ${i.unit} à ${formatMoney(estimatePriceCents(i))} HTVA (${RECURRENCE_LABELS[i.recurrence as Recurrence] ?? i.recurrence}, TVA ${i.vatRate} %)`
			)
			.join('\n'),
		montantHtva: formatMoney(planned.total.exclVatCents),
		montantTvac: formatMoney(planned.total.inclVatCents),
		montantsParExercice: planned.years
			.map((y) => {
				const o = y.byNature.ordinaire;
				const e = y.byNature.extraordinaire;
				return `- ${y.year} : ${formatMoney(y.exclVatCents)} HTVA (${formatMoney(y.inclVatCents)} TVAC) — ordinaire : ${formatMoney(o.oneOffCents)} ponctuel, ${formatMoney(o.recurringCents)} récurrent ; extraordinaire : ${formatMoney(e.oneOffCents)} ponctuel, ${formatMoney(e.recurringCents)} récurrent`;
			})
			.join('\n'),
		nature: [...natures].map((n) => BUDGET_NATURE_LABELS[n]).join(' et '),
		article: [...natures].map((n) => suggestedArticle(n).article).join(' / '),
		exercice: String(f.budgetYear ?? first?.year ?? ''),
		debut: planned.targetLabel,
		vehicule: f.vehicle ? `${VEHICLE_LABELS[f.vehicle]} ${f.budgetYear}` : 'budget à déterminer',
		date: formatDate(today)
	};
}
