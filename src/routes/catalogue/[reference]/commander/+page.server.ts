import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseQuantity } from '$lib/domain/catalogue/quantity';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { contractLots, findContract } from '$lib/server/catalogue/contract';
import { findActiveAdhesion } from '$lib/server/catalogue/membership';
import { submitOrder } from '$lib/server/catalogue/orders';
import { brusselsToday } from '$lib/server/catalogue/today';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

function context(event: { params: { reference: string }; locals: App.Locals; url: URL }) {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	ensure(can(user, 'order.submit', { organisationId: user.organisationId }));
	const adhesion = findActiveAdhesion(contract.id, user.organisationId);
	return { user, contract, adhesion };
}

export const load: PageServerLoad = (event) => {
	const { contract, adhesion } = context(event);
	return {
		contract,
		adhesion,
		lots: contractLots(contract.id).filter((lot) => lot.supplierId !== null && lot.items.length),
		budgetYear: Number(brusselsToday().slice(0, 4))
	};
};

const orderSchema = z.object({
	lotId: fields.id,
	budgetYear: z.coerce
		.number({ error: 'Indiquez l’exercice budgétaire.' })
		.int('Indiquez une année.')
		.min(2020, 'Indiquez une année valide.')
		.max(2100, 'Indiquez une année valide.'),
	budgetArticle: fields.requiredText('l’article budgétaire', 40),
	note: z.string().trim().max(1000, 'Ce texte ne peut pas dépasser 1000 caractères.').optional()
});

/** the quantities as typed, to show them again when the order is refused */
function quantities(form: FormData): Record<string, string> {
	return Object.fromEntries(
		[...form].filter(([key, value]) => /^q_\d+$/.test(key) && typeof value === 'string') as [
			string,
			string
		][]
	);
}

export const actions: Actions = {
	default: async (event) => {
		const { user, contract } = context(event);
		const form = await event.request.formData();
		const parsed = parseForm(orderSchema, form);
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const lines: { priceItemId: number; quantityHundredths: number }[] = [];
		for (const [key, value] of form) {
			const match = /^q_(\d+)$/.exec(key);
			// a blank quantity: that item is not ordered
			if (!match || typeof value !== 'string' || value.trim() === '') continue;
			const q = parseQuantity(value);
			if (!q.ok) return invalid(400, { form: q.message }, { ...parsed.data, ...quantities(form) });
			lines.push({ priceItemId: Number(match[1]), quantityHundredths: q.hundredths });
		}
		const outcome = submitOrder(
			contract,
			user.organisationId,
			{ ...parsed.data, lines, note: parsed.data.note || null },
			user.id,
			brusselsToday()
		);
		if (!outcome.ok)
			return invalid(409, { form: outcome.message }, { ...parsed.data, ...quantities(form) });
		redirect(303, `/commandes/${outcome.value.orderId}?envoyee=1`);
	}
};
