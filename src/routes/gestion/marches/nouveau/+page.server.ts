import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { contractSchema, toContractFields } from '$lib/server/catalogue/contract-form';
import { createContract } from '$lib/server/catalogue/manage';
import { listCentrales } from '$lib/server/directory';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** the centrales this user may create a contract for */
function centralesFor(user: App.Locals['user'] & object) {
	return listCentrales().filter((c) =>
		can(user, 'contract.edit', {
			centraleId: c.id,
			ledByIntercommunale: c.kind === 'intercommunale'
		})
	);
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { centrales: centralesFor(user).map((c) => ({ id: c.id, name: c.shortName ?? c.name })) };
};

const schema = z.intersection(
	contractSchema,
	z.object({
		reference: z
			.string({ error: 'Indiquez une référence.' })
			.trim()
			.regex(
				/^[A-Z0-9][A-Z0-9-]{2,40}$/,
				'La référence s’écrit en majuscules, chiffres et tirets, par exemple IGR-2027-ABC-01.'
			),
		centraleId: fields.id
	})
);

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		ensure(can(user, 'contract.create'));
		const parsed = parseForm(schema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const { reference, centraleId } = parsed.data;
		if (!centralesFor(user).some((c) => c.id === centraleId))
			return invalid(
				403,
				{ centraleId: 'Vous ne pouvez pas créer de marché pour cette centrale.' },
				parsed.data as never
			);
		const outcome = createContract(
			{ ...toContractFields(parsed.data), reference, centraleId },
			user.id
		);
		if (!outcome.ok) return invalid(409, { reference: outcome.message }, { reference });
		redirect(303, `/gestion/marches/${reference}?cree=1`);
	}
};
