import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import type { OrganisationKind } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { brusselsToday } from '$lib/server/clock';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { decisionSchema } from '$lib/server/plan/decision-form';
import { readSignedPdf } from '$lib/server/plan/decision-files';
import { attachSignedPdf, recordDecision } from '$lib/server/plan/decisions';
import { chooseNature, removeIntention } from '$lib/server/plan/intentions';
import { natureSchema } from '$lib/server/plan/nature-form';
import { planPage } from '$lib/server/plan/plan-page';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function ownPlan(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	action: 'plan.view' | 'plan.edit' | 'plan.recordDecision' | 'plan.chooseNature'
) {
	const user = requireUser(event);
	const kind = user.organisationKind as OrganisationKind;
	ensure(can(user, action, { organisationId: user.organisationId, kind }));
	return user;
}

export const load: PageServerLoad = (event) => {
	const user = ownPlan(event, 'plan.view');
	const kind = user.organisationKind as OrganisationKind;
	return {
		...planPage({ id: user.organisationId, name: user.organisationName }, brusselsToday()),
		mayRecord: can(user, 'plan.recordDecision', { organisationId: user.organisationId, kind }),
		mayChooseNature: can(user, 'plan.chooseNature', { organisationId: user.organisationId, kind })
	};
};

const removal = z.object({ intentionId: fields.id });
const attachment = z.object({ decisionId: fields.id });

export const actions: Actions = {
	decision: async (event) => {
		const user = ownPlan(event, 'plan.recordDecision');
		const form = await event.request.formData();
		const parsed = parseForm(decisionSchema(brusselsToday()), form);
		const action = `decision-${form.get('intentionId')}`;
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action });
		// the signed PDF is optional; a file that is not one refuses the whole decision
		const pdf = await readSignedPdf(form.get('signedPdf'));
		if (!pdf.ok) return invalid(400, { signedPdf: pdf.message }, parsed.data, { action });
		if (!recordDecision(user.organisationId, parsed.data, user.id, undefined, pdf.pdf))
			return invalid(404, { form: 'Cette intention n’est plus dans votre plan.' });
		redirect(303, `/plan-achats?decision=1#intention-${parsed.data.intentionId}`);
	},
	pdf: async (event) => {
		const user = ownPlan(event, 'plan.recordDecision');
		const form = await event.request.formData();
		const parsed = parseForm(attachment, form);
		if (!parsed.ok) return invalid(400, parsed.errors);
		const action = `pdf-${parsed.data.decisionId}`;
		const pdf = await readSignedPdf(form.get('signedPdf'));
		if (!pdf.ok) return invalid(400, { signedPdf: pdf.message }, {}, { action });
		if (!pdf.pdf)
			return invalid(400, { signedPdf: 'Choisissez le PDF signé de la décision.' }, {}, { action });
		if (!attachSignedPdf(user.organisationId, parsed.data.decisionId, pdf.pdf, user.id))
			return invalid(404, { form: 'Cette décision n’est pas dans votre plan.' }, {}, { action });
		redirect(303, '/plan-achats?pdf=1');
	},
	nature: async (event) => {
		const user = ownPlan(event, 'plan.chooseNature');
		const form = await event.request.formData();
		const parsed = parseForm(natureSchema, form);
		if (!parsed.ok)
			return invalid(400, parsed.errors, parsed.fields, {
				action: `nature-${form.get('intentionId')}-${form.get('priceItemId')}`
			});
		if (!chooseNature(user.organisationId, parsed.data, user.id))
			return invalid(404, { form: 'Ce poste n’est plus dans votre plan.' });
		redirect(303, `/plan-achats?nature=1#intention-${parsed.data.intentionId}`);
	},
	retirer: async (event) => {
		const user = ownPlan(event, 'plan.edit');
		const parsed = parseForm(removal, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors);
		if (!removeIntention(user.organisationId, parsed.data.intentionId, user.id))
			return invalid(404, { form: 'Cette intention n’est plus dans votre plan.' });
		redirect(303, '/plan-achats?retrait=1');
	}
};
