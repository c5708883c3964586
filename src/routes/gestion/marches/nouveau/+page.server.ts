import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { newContractSchema, toContractFields } from '$lib/server/catalogue/contract-form';
import { createContract } from '$lib/server/catalogue/manage';
import { creatableCentrales, newContractPage } from '$lib/server/catalogue/new-contract-page';
import { now } from '$lib/server/clock';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	ensure(can(user, 'contract.create'));
	return newContractPage(user);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		ensure(can(user, 'contract.create'));
		const parsed = parseForm(newContractSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const { reference, centraleId } = parsed.data;
		if (!creatableCentrales(user).some((c) => c.id === centraleId))
			return invalid(
				403,
				{ centraleId: 'Vous ne pouvez pas créer de marché pour cette centrale.' },
				parsed.data as never
			);
		const outcome = createContract(
			{ ...toContractFields(parsed.data), reference, centraleId },
			user.id,
			now()
		);
		if (!outcome.ok) return invalid(409, { reference: outcome.message }, { reference });
		redirect(303, `/gestion/marches/${reference}?cree=1`);
	}
};
