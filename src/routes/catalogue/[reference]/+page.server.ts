import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { adhesionSchema, interestSchema } from '$lib/server/catalogue/commitment-form';
import {
	adhereToContract,
	declareInterest,
	withdrawAdhesion
} from '$lib/server/catalogue/commitments';
import { findContract } from '$lib/server/catalogue/contract';
import { contractPage } from '$lib/server/catalogue/page';
import { brusselsToday } from '$lib/server/clock';
import { invalid, parseForm } from '$lib/server/forms';
import { contractFollowPanel } from '$lib/server/relay/follows';
import type { Actions, PageServerLoad } from './$types';

function loadContract(reference: string) {
	const contract = findContract(reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	return contract;
}

export const load: PageServerLoad = ({ params, locals }) => {
	const contract = loadContract(params.reference);
	return {
		...contractPage(contract, locals.user, brusselsToday()),
		follows: contractFollowPanel(locals.user, contract)
	};
};

export const actions: Actions = {
	interet: async (event) => {
		const user = requireUser(event);
		const contract = loadContract(event.params.reference);
		ensure(can(user, 'contract.declareInterest', { organisationId: user.organisationId }));
		const parsed = parseForm(interestSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'interet' });
		const outcome = declareInterest(
			contract,
			user.organisationId,
			parsed.data,
			user.id,
			brusselsToday()
		);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'interet' });
		redirect(303, `/catalogue/${contract.reference}?interet=1#ma-commune`);
	},
	adherer: async (event) => {
		const user = requireUser(event);
		const contract = loadContract(event.params.reference);
		ensure(can(user, 'contract.adhere', { organisationId: user.organisationId }));
		const parsed = parseForm(adhesionSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'adherer' });
		const outcome = adhereToContract(
			contract,
			user.organisationId,
			parsed.data,
			user.id,
			brusselsToday()
		);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'adherer' });
		redirect(303, `/catalogue/${contract.reference}?adhesion=1#ma-commune`);
	},
	retirer: async (event) => {
		const user = requireUser(event);
		const contract = loadContract(event.params.reference);
		ensure(can(user, 'adhesion.withdraw', { organisationId: user.organisationId }));
		const outcome = withdrawAdhesion(contract, user.organisationId, user.id);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'retirer' });
		redirect(303, `/catalogue/${contract.reference}?retrait=1#ma-commune`);
	}
};
