import { error } from '@sveltejs/kit';
import { checkCommuneBudgetDates } from '$lib/domain/commune-budget-calendar';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { BudgetCalendarForm, BudgetCalendarResetForm } from '$lib/server/budget-calendar-form';
import { budgetCalendarPage } from '$lib/server/budget-calendar-page';
import {
	budgetOrganisation,
	resetBudgetCalendar,
	saveBudgetCalendar
} from '$lib/server/budget-calendars';
import { brusselsToday } from '$lib/server/clock';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const asked = event.url.searchParams.get('organisation');
	const org = budgetOrganisation(asked ? Number(asked) : user.organisationId);
	const readable =
		!!org && can(user, 'budgetCalendar.view', { organisationId: org.id, kind: org.kind });
	if (asked && !readable) error(org ? 403 : 404, 'Ce calendrier budgétaire n’est pas accessible.');
	return budgetCalendarPage(user, readable ? org : null, brusselsToday());
};

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
		const form = parseForm(BudgetCalendarForm, await event.request.formData());
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
		const form = parseForm(BudgetCalendarResetForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const { user, org } = editable(event, form.data.organisationId);
		if (!resetBudgetCalendar(org.id, form.data.year, user))
			return invalid(400, {
				form: `L’année ${form.data.year} suit déjà le calendrier par défaut.`
			});
		return { success: `L’année ${form.data.year} suit de nouveau le calendrier par défaut.` };
	}
};
