/**
 * What the budget calendar page shows: an authority's years (its own dates where it entered
 * them, the defaults otherwise) and, for those who read every calendar, the authorities to pick.
 */
import { DEFAULT_BUDGET_CALENDAR, periodsForYear } from '../domain/budget-calendar';
import { can, type Actor } from '../domain/permissions';
import {
	listBudgetCalendars,
	listBudgetOrganisations,
	type BudgetOrganisation
} from './budget-calendars';

/** `shown` is the authority whose calendar the viewer may read, or null when there is none. */
export function budgetCalendarPage(viewer: Actor, shown: BudgetOrganisation | null, today: string) {
	const picker = can(viewer, 'budgetCalendar.viewAll')
		? listBudgetOrganisations().map((o) => ({ id: o.id, name: o.name }))
		: [];
	if (!shown) return { organisation: null, picker, years: [], canEdit: false };

	const thisYear = Number(today.slice(0, 4));
	const saved = listBudgetCalendars(shown.id);
	const years = [...new Set([thisYear, thisYear + 1, ...saved.map((c) => c.year)])].sort();
	return {
		organisation: { id: shown.id, name: shown.name },
		picker,
		canEdit: can(viewer, 'budgetCalendar.edit', { organisationId: shown.id, kind: shown.kind }),
		leadWeeks: DEFAULT_BUDGET_CALENDAR.leadWeeks,
		years: years.map((year) => {
			const dates = saved.find((c) => c.year === year) ?? null;
			return { year, dates, periods: periodsForYear(year, undefined, dates) };
		})
	};
}
