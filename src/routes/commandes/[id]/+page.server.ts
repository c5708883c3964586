import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ceilingCheck } from '$lib/domain/catalogue/ceiling';
import { orderTotals } from '$lib/domain/catalogue/money';
import { quantityFromHundredths } from '$lib/domain/catalogue/quantity';
import { isVatRate } from '$lib/domain/catalogue/types';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { committedCents, findContract } from '$lib/server/catalogue/contract';
import { decideOrder, findOrder } from '$lib/server/catalogue/orders';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

function visibleOrder(event: { params: { id: string }; locals: App.Locals; url: URL }) {
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
	const totals = orderTotals(
		order.lines.map((l) => ({
			quantity: quantityFromHundredths(l.quantityHundredths),
			unitPriceCents: l.unitPriceCents,
			vatRate: isVatRate(l.vatRate) ? l.vatRate : 21
		}))
	);
	return {
		order,
		vatByRate: totals.vatByRate,
		contract: {
			reference: contract.reference,
			title: contract.title,
			centraleName: contract.centraleName
		},
		ceiling: ceilingCheck(contract.maxValueCents, committedCents(contract.id), 0),
		mayDecide: can(user, 'order.decide', {
			centraleId: contract.centraleId,
			ledByIntercommunale: contract.centraleKind === 'intercommunale'
		})
	};
};

const refusal = z.object({
	reason: z
		.string({ error: 'Indiquez la raison du refus.' })
		.trim()
		.min(1, 'Indiquez la raison du refus : la commune la lira.')
		.max(1000, 'Ce texte ne peut pas dépasser 1000 caractères.')
});

function decide(event: Parameters<Actions[string]>[0]) {
	const { user, order, contract } = visibleOrder(event);
	ensure(
		can(user, 'order.decide', {
			centraleId: contract.centraleId,
			ledByIntercommunale: contract.centraleKind === 'intercommunale'
		})
	);
	return { user, order };
}

export const actions: Actions = {
	confirmer: async (event) => {
		const { user, order } = decide(event);
		const outcome = decideOrder(order.id, 'confirmed', null, user.id);
		if (!outcome.ok) return invalid(409, { form: outcome.message });
		redirect(303, `/commandes/${order.id}`);
	},
	refuser: async (event) => {
		const { user, order } = decide(event);
		const parsed = parseForm(refusal, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const outcome = decideOrder(order.id, 'refused', parsed.data.reason, user.id);
		if (!outcome.ok) return invalid(409, { form: outcome.message });
		redirect(303, `/commandes/${order.id}`);
	}
};
