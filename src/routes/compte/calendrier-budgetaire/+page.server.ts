import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { DEFAULT_BUDGET_CALENDAR, periodsForYear } from '$lib/domain/budget-calendar';
import {
	MAX_BUDGET_YEAR,
	MIN_BUDGET_YEAR,
	checkCommuneBudgetDates
} from '$lib/domain/commune-budget-calendar';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import {
	budgetOrganisation,
	listBudgetCalendars,
	listBudgetOrganisations,
	resetBudgetCalendar,
	saveBudgetCalendar
} from '$lib/server/budget-calendars';
import { brusselsToday } from '$lib/server/catalogue/today';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const asked = event.url.searchParams.get('organisation');
	const org = budgetOrganisation(asked ? Number(asked) : user.organisationId);
	const ref = org && { organisationId: org.id, kind: org.kind };
	const own = ref && can(user, 'budgetCalendar.view', ref);
	if (asked && !own) error(org ? 403 : 404, 'Ce calendrier budgétaire n’est pas accessible.');
	// buyers and admins have no budget of their own here: they choose an authority to read
	const picker = can(user, 'budgetCalendar.viewAll')
		? listBudgetOrganisations().map((o) => ({ id: o.id, name: o.name }))
		: [];
	if (!org || !own) return { organisation: null, picker, years: [], canEdit: false };

	const thisYear = Number(brusselsToday().slice(0, 4));
	const saved = listBudgetCalendars(org.id);
	const years = [...new Set([thisYear, thisYear + 1, ...saved.map((c) => c.year)])].sort();
	return {
		organisation: { id: org.id, name: org.name },
		picker,
		canEdit: can(user, 'budgetCalendar.edit', ref),
		leadWeeks: DEFAULT_BUDGET_CALENDAR.leadWeeks,
		years: years.map((year) => {
			const dates = saved.find((c) => c.year === year) ?? null;
			return { year, dates, periods: periodsForYear(year, undefined, dates) };
		})
	};
};

const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null);

const SaveForm = z.object({
	organisationId: fields.id,
	year: z.coerce
		.number({ error: 'Indiquez une année budgétaire.' })
		.int('Indiquez une année budgétaire.')
		.min(MIN_BUDGET_YEAR, `Indiquez une année budgétaire à partir de ${MIN_BUDGET_YEAR}.`)
		.max(MAX_BUDGET_YEAR, `Indiquez une année budgétaire avant ${MAX_BUDGET_YEAR}.`),
	initialVote: z.string().trim().default(''),
	mb1: optionalDate,
	mb2: optionalDate
});
const ResetForm = SaveForm.pick({ organisationId: true, year: true });

/** The organisation the form is about, if `user` keeps its calendar. */
function editable(event: RequestEvent, organisationId: number) {
	const user = requireUser(event);
	const org = budgetOrganisation(organisationId);
	if (!org) error(404, 'Organisation inconnue.');
	if (!can(user, 'budgetCalendar.edit', { organisationId: org.id, kind: org.kind }))
		error(403, 'Seul le référent de la commune modifie son calendrier budgétaire.');
	return { user, org };
}

export const actions: Actions = {
	save: async (event) => {
		const form = parseForm(SaveForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'save' });
		const { user, org } = editable(event, form.data.organisationId);
		const { year, initialVote, mb1, mb2 } = form.data;
		const errors = checkCommuneBudgetDates({ year, initialVote, mb1, mb2 });
		if (Object.keys(errors).length)
			return invalid(400, errors, { initialVote, mb1, mb2 }, { action: `save-${year}` });
		saveBudgetCalendar(org.id, { year, initialVote, mb1, mb2 }, user);
		return { success: `Le calendrier budgétaire ${year} de ${org.name} est enregistré.` };
	},
	reset: async (event) => {
		const form = parseForm(ResetForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const { user, org } = editable(event, form.data.organisationId);
		if (!resetBudgetCalendar(org.id, form.data.year, user))
			return invalid(400, {
				form: `L’année ${form.data.year} suit déjà le calendrier par défaut.`
			});
		return { success: `L’année ${form.data.year} suit de nouveau le calendrier par défaut.` };
	}
};
