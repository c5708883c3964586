/** The plan as a CSV the finance director opens in Excel: one row per intention and budget year. */
import { VEHICLE_LABELS } from '../../domain/budget-calendar';
import { suggestedArticle } from '../../domain/catalogue/budget';
import { monthLabel } from '../../domain/plan/months';
import { csvAmount, toCsv } from '../catalogue/csv';
import { planPage } from './plan-page';

const HEADER = [
	'Marché',
	'Intitulé',
	'Lot',
	'Début souhaité',
	'Première date possible',
	'Véhicule budgétaire',
	'Demande avant le',
	'Exercice',
	'Ordinaire ponctuel HTVA',
	'Ordinaire récurrent HTVA',
	'Extraordinaire ponctuel HTVA',
	'Extraordinaire récurrent HTVA',
	'Total HTVA',
	'Total TVAC',
	'Article suggéré'
];

export function planCsv(organisation: { id: number; name: string }, today: string): string {
	const page = planPage(organisation, today);
	const rows = page.intentions.flatMap((i) =>
		i.years.map((y) => {
			const f = i.feasibility;
			const o = y.byNature.ordinaire;
			const e = y.byNature.extraordinaire;
			const articles = [
				o.oneOffCents + o.recurringCents > 0 ? suggestedArticle('ordinaire').text : null,
				e.oneOffCents + e.recurringCents > 0 ? suggestedArticle('extraordinaire').text : null
			].filter(Boolean);
			return [
				i.contract.reference,
				i.contract.title,
				`${i.lot.number} — ${i.lot.title}`,
				i.targetLabel,
				f.earliestMonth ? monthLabel(f.earliestMonth) : '',
				f.vehicle ? `${VEHICLE_LABELS[f.vehicle]} ${f.budgetYear}` : '',
				f.askBy ?? '',
				y.year,
				csvAmount(o.oneOffCents),
				csvAmount(o.recurringCents),
				csvAmount(e.oneOffCents),
				csvAmount(e.recurringCents),
				csvAmount(y.exclVatCents),
				csvAmount(y.inclVatCents),
				articles.join(' / ')
			];
		})
	);
	return toCsv(HEADER, rows);
}
