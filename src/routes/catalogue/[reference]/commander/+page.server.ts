import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { findContract } from '$lib/server/catalogue/contract';
import { parseOrderForm } from '$lib/server/catalogue/order-form';
import { newOrderPage } from '$lib/server/catalogue/order-page';
import { submitOrder } from '$lib/server/catalogue/orders';
import { brusselsToday, now } from '$lib/server/clock';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** the contract to order from, for someone who may order for their commune */
function context(event: Pick<RequestEvent, 'params' | 'locals' | 'url'>) {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	ensure(can(user, 'order.submit', { organisationId: user.organisationId }));
	return { user, contract };
}

export const load: PageServerLoad = (event) => {
	const { user, contract } = context(event);
	return newOrderPage(contract, user.organisationId, brusselsToday());
};

export const actions: Actions = {
	default: async (event) => {
		const { user, contract } = context(event);
		const parsed = parseOrderForm(await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const outcome = submitOrder(
			contract,
			user.organisationId,
			parsed.data,
			user.id,
			brusselsToday(),
			now()
		);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, parsed.fields);
		redirect(303, `/commandes/${outcome.value.orderId}?envoyee=1`);
	}
};
