import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure } from '$lib/server/auth/guard';
import { contractSchema, toContractFields } from '$lib/server/catalogue/contract-form';
import { transitionSchema } from '$lib/server/catalogue/lifecycle-form';
import { saveContract, startRelaunch, transitionContract } from '$lib/server/catalogue/manage';
import { contractManagementPage } from '$lib/server/catalogue/management-page';
import { setMembershipDecisionRule } from '$lib/server/catalogue/order-rule';
import { brusselsToday, now } from '$lib/server/clock';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { documentActions } from './document-actions';
import { managed } from './managed';
import { structureActions } from './structure-actions';

export const load: PageServerLoad = (event) => {
	const { user, contract } = managed(event);
	return contractManagementPage(contract, brusselsToday(), user);
};

/** The contract's own actions are here; those of its lots and documents sit beside this file. */
export const actions: Actions = {
	enregistrer: async (event) => {
		const { user, contract } = managed(event);
		const form = await event.request.formData();
		const parsed = parseForm(contractSchema, form);
		const version = Number(form.get('version'));
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'enregistrer' });
		const outcome = saveContract(contract, version, toContractFields(parsed.data), user.id);
		if (!outcome.ok)
			return invalid(409, { form: outcome.message }, parsed.data as never, {
				action: 'enregistrer'
			});
		redirect(303, `/gestion/marches/${contract.reference}?enregistre=1`);
	},
	statut: async (event) => {
		const { user, contract, ref } = managed(event);
		ensure(can(user, 'contract.transition', ref));
		const parsed = parseForm(transitionSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, {}, { action: 'statut' });
		const { to, note } = parsed.data;
		const outcome = transitionContract(contract, to, note, user.id, brusselsToday(), now());
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'statut' });
		redirect(303, `/gestion/marches/${contract.reference}?statut=1`);
	},
	relancer: async (event) => {
		const { user, contract, ref } = managed(event);
		ensure(can(user, 'contract.relaunch', ref));
		const outcome = startRelaunch(contract, user.id, brusselsToday(), now());
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'relancer' });
		redirect(303, `/gestion/marches/${outcome.value.reference}?relance=${contract.reference}`);
	},
	'regle-commandes': async (event) => {
		const { user, contract } = managed(event);
		const form = await event.request.formData();
		setMembershipDecisionRule(contract.id, form.get('requireMembershipDecision') === '1', user.id);
		redirect(303, `/gestion/marches/${contract.reference}?regle=1#commandes`);
	},
	...structureActions,
	...documentActions
};
