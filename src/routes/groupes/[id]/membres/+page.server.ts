import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { JoinDecisionForm, MembershipForm } from '$lib/server/boards/group-form';
import { membersPage } from '$lib/server/boards/group-pages';
import {
	addMember,
	decideJoinRequest,
	groupForUser,
	listCandidateOrganisations,
	removeMember
} from '$lib/server/boards/groups';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { group, rights } = await event.parent();
	return membersPage(group.id, rights.manage);
};

function manager(event: RequestEvent) {
	const user = requireUser(event);
	const found = groupForUser(Number(event.params.id), user);
	if (!found.ok) error(found.status, 'Ce groupe de travail n’est pas accessible.');
	if (!can(user, 'group.manage', found.ref))
		error(403, 'Seule la centrale qui anime le groupe gère ses membres.');
	return { user, group: found.group };
}

export const actions: Actions = {
	add: async (event) => {
		const { user, group } = manager(event);
		const form = parseForm(MembershipForm, await event.request.formData());
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
		const form = parseForm(JoinDecisionForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const accept = form.data.decision === 'accept';
		if (!decideJoinRequest(group.id, form.data.organisationId, accept, user))
			return invalid(400, { organisationId: 'Cette demande n’est plus en attente.' });
		return { success: accept ? 'Demande acceptée.' : 'Demande refusée.' };
	},
	remove: async (event) => {
		const { user, group } = manager(event);
		const form = parseForm(MembershipForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		removeMember(group.id, form.data.organisationId, user);
		return { success: 'Organisation retirée du groupe.' };
	}
};
