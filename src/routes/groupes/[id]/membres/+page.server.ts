import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import {
	addMember,
	decideJoinRequest,
	groupForUser,
	listCandidateOrganisations,
	listMembers,
	removeMember
} from '$lib/server/boards/groups';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { group, rights } = await event.parent();
	const members = listMembers(group.id);
	return {
		members: members.filter((m) => m.status === 'member'),
		requests: rights.manage ? members.filter((m) => m.status === 'requested') : [],
		candidates: rights.manage ? listCandidateOrganisations(group.id) : []
	};
};

function manager(event: RequestEvent) {
	const user = requireUser(event);
	const found = groupForUser(Number(event.params.id), user);
	if (!found.ok) error(found.status, 'Ce groupe de travail n’est pas accessible.');
	if (!can(user, 'group.manage', found.ref))
		error(403, 'Seule la centrale qui anime le groupe gère ses membres.');
	return { user, group: found.group };
}

const OrgForm = z.object({ organisationId: fields.id });
const DecisionForm = z.object({
	organisationId: fields.id,
	decision: z.enum(['accept', 'refuse'], { error: 'Décision inconnue.' })
});

export const actions: Actions = {
	add: async (event) => {
		const { user, group } = manager(event);
		const form = parseForm(OrgForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		if (!listCandidateOrganisations(group.id).some((o) => o.id === form.data.organisationId))
			return invalid(400, {
				organisationId: 'Choisissez une commune qui n’est pas encore membre.'
			});
		addMember(group.id, form.data.organisationId, user);
		return { success: 'Organisation ajoutée au groupe.' };
	},
	decide: async (event) => {
		const { user, group } = manager(event);
		const form = parseForm(DecisionForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const accept = form.data.decision === 'accept';
		if (!decideJoinRequest(group.id, form.data.organisationId, accept, user))
			return invalid(400, { organisationId: 'Cette demande n’est plus en attente.' });
		return { success: accept ? 'Demande acceptée.' : 'Demande refusée.' };
	},
	remove: async (event) => {
		const { user, group } = manager(event);
		const form = parseForm(OrgForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		removeMember(group.id, form.data.organisationId, user);
		return { success: 'Organisation retirée du groupe.' };
	}
};
