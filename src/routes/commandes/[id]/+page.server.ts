import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { findContract } from '$lib/server/catalogue/contract';
import { contractRef } from '$lib/server/catalogue/contract-ref';
import { refusalSchema } from '$lib/server/catalogue/order-form';
import { orderPage } from '$lib/server/catalogue/order-page';
import { decideOrder, findOrder } from '$lib/server/catalogue/orders';
import { now } from '$lib/server/clock';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function visibleOrder(event: Pick<RequestEvent, 'params' | 'locals' | 'url'>) {
	const user = requireUser(event);
	const order = /^\d+$/.test(event.params.id) ? findOrder(Number(event.params.id)) : null;
	// another commune's order answers as if it did not exist
	if (!order || !can(user, 'commune.viewPurchases', { organisationId: order.organisationId }))
		error(404, 'Cette commande est introuvable.');
	const contract = findContract(order.contractId)!;
	return { user, order, contract };
}

export const load: PageServerLoad = (event) => {
	const { user, order, contract } = visibleOrder(event);
	return orderPage(order, contract, user);
};

/** the order, for a buyer of the centrale that leads its contract */
function decide(event: RequestEvent) {
	const { user, order, contract } = visibleOrder(event);
	ensure(can(user, 'order.decide', contractRef(contract)));
	return { user, order };
}

export const actions: Actions = {
	confirmer: async (event) => {
		const { user, order } = decide(event);
		const outcome = decideOrder(order.id, 'confirmed', null, user.id, now());
		if (!outcome.ok) return invalid(409, { form: outcome.message });
		redirect(303, `/commandes/${order.id}`);
	},
	refuser: async (event) => {
		const { user, order } = decide(event);
		const parsed = parseForm(refusalSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const outcome = decideOrder(order.id, 'refused', parsed.data.reason, user.id, now());
		if (!outcome.ok) return invalid(409, { form: outcome.message });
		redirect(303, `/commandes/${order.id}`);
	}
};
