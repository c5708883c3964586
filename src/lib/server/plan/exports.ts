/**
 * The plan for the finance director, one row per intention and budget year, as a CSV (Excel,
 * fr-BE) and as an .xlsx workbook with real numbers and dates: a sheet with every year (a column
 * « Exercice », filterable), then one sheet per budget year with its total.
 */
import ExcelJS from 'exceljs';
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

/** One row of the export: months 'YYYY-MM', the day 'YYYY-MM-DD', amounts in cents. */
interface PlanRow {
	reference: string;
	title: string;
	lot: string;
	target: string;
	earliest: string | null;
	vehicle: string;
	askBy: string | null;
	year: number;
	amounts: [number, number, number, number, number, number];
	articles: string;
}

function planRows(organisation: { id: number; name: string }, today: string): PlanRow[] {
	const page = planPage(organisation, today);
	return page.intentions.flatMap((i) =>
		i.years.map((y) => {
			const f = i.feasibility;
			const o = y.byNature.ordinaire;
			const e = y.byNature.extraordinaire;
			const articles = [
				o.oneOffCents + o.recurringCents > 0 ? suggestedArticle('ordinaire').text : null,
				e.oneOffCents + e.recurringCents > 0 ? suggestedArticle('extraordinaire').text : null
			].filter(Boolean);
			return {
				reference: i.contract.reference,
				title: i.contract.title,
				lot: `${i.lot.number} — ${i.lot.title}`,
				target: i.targetMonth,
				earliest: f.earliestMonth,
				vehicle: f.vehicle ? `${VEHICLE_LABELS[f.vehicle]} ${f.budgetYear}` : '',
				askBy: f.askBy,
				year: y.year,
				amounts: [
					o.oneOffCents,
					o.recurringCents,
					e.oneOffCents,
					e.recurringCents,
					y.exclVatCents,
					y.inclVatCents
				],
				articles: articles.join(' / ')
			};
		})
	);
}

export function planCsv(organisation: { id: number; name: string }, today: string): string {
	return toCsv(
		HEADER,
		planRows(organisation, today).map((r) => [
			r.reference,
			r.title,
			r.lot,
			monthLabel(r.target),
			r.earliest ? monthLabel(r.earliest) : '',
			r.vehicle,
			r.askBy ?? '',
			r.year,
			...r.amounts.map(csvAmount),
			r.articles
		])
	);
}

const EUROS = '#,##0.00 "€"';
const MONTH = 'mmmm yyyy';
const DAY = 'dd/mm/yyyy';
/** a calendar day or month as Excel reads it: midnight UTC (exceljs writes UTC serials) */
const asDate = (day: string) =>
	new Date(
		Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) || 1)
	);

const COLUMNS: Partial<ExcelJS.Column>[] = [
	{ width: 18 },
	{ width: 40 },
	{ width: 30 },
	{ width: 16, style: { numFmt: MONTH } },
	{ width: 18, style: { numFmt: MONTH } },
	{ width: 30 },
	{ width: 14, style: { numFmt: DAY } },
	{ width: 10 },
	...Array.from({ length: 6 }, () => ({ width: 16, style: { numFmt: EUROS } })),
	{ width: 50 }
];

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: PlanRow[], withTotal: boolean) {
	const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = COLUMNS;
	const header = sheet.addRow(HEADER);
	header.font = { bold: true };
	header.alignment = { wrapText: true, vertical: 'top' };
	for (const r of rows)
		sheet.addRow([
			r.reference,
			r.title,
			r.lot,
			asDate(r.target),
			r.earliest ? asDate(r.earliest) : null,
			r.vehicle,
			r.askBy ? asDate(r.askBy) : null,
			r.year,
			...r.amounts.map((cents) => cents / 100),
			r.articles
		]);
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADER.length } };
	if (withTotal && rows.length) {
		const first = 2;
		const last = rows.length + 1;
		const total = sheet.addRow(['Total']);
		total.font = { bold: true };
		for (let c = 9; c <= 14; c++) {
			const letter = sheet.getColumn(c).letter;
			const sum = rows.reduce((s, r) => s + r.amounts[c - 9], 0) / 100;
			total.getCell(c).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: sum };
		}
	}
	return sheet;
}

/** The workbook: every year on the first sheet, then one sheet per budget year. */
export async function planXlsx(
	organisation: { id: number; name: string },
	today: string,
	now: Date
): Promise<Buffer> {
	const rows = planRows(organisation, today);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Centrale';
	workbook.title = `Plan d'achats — ${organisation.name}`;
	workbook.created = now;
	workbook.modified = now;
	addSheet(workbook, 'Toutes les années', rows, false);
	for (const year of [...new Set(rows.map((r) => r.year))].sort())
		addSheet(
			workbook,
			`Exercice ${year}`,
			rows.filter((r) => r.year === year),
			true
		);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
