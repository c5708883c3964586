import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { findContract } from '$lib/server/catalogue/contract';
import { brusselsToday } from '$lib/server/clock';
import { invalid } from '$lib/server/forms';
import { parseIntentionForm } from '$lib/server/plan/intention-form';
import { addIntention } from '$lib/server/plan/intentions';
import { newIntentionPage } from '$lib/server/plan/new-intention-page';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** the contract to plan, for a member of a commune that keeps a plan */
function context(event: Pick<RequestEvent, 'params' | 'locals' | 'url'>) {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	const kind = user.organisationKind as OrganisationKind;
	ensure(can(user, 'plan.edit', { organisationId: user.organisationId, kind }));
	return { user, contract };
}

export const load: PageServerLoad = (event) => {
	const { contract } = context(event);
	return newIntentionPage(contract, brusselsToday());
};

export const actions: Actions = {
	default: async (event) => {
		const { user, contract } = context(event);
		const parsed = parseIntentionForm(await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const outcome = addIntention(
			contract,
			user.organisationId,
			parsed.data,
			user.id,
			brusselsToday()
		);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, parsed.fields);
		redirect(303, `/plan-achats?ajout=${outcome.value}#intention-${outcome.value}`);
	}
};
