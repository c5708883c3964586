import { error, redirect } from '@sveltejs/kit';
import { PHASES, canSwitchPhase } from '$lib/domain/boards/phases';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { updateGroup } from '$lib/server/boards/group-edit';
import { GroupEdit } from '$lib/server/boards/group-form';
import { groupForUser } from '$lib/server/boards/groups';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The group, if `user` runs it (its centrale's buyers, admins). */
function managed(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const user = requireUser(event);
	const found = groupForUser(Number(event.params.id), user);
	if (!found.ok) error(found.status, 'Ce groupe de travail n’est pas accessible.');
	if (!can(user, 'group.manage', found.ref))
		error(403, 'Seule la centrale qui anime le groupe peut le modifier.');
	return { user, group: found.group };
}

export const load: PageServerLoad = (event) => {
	const { group } = managed(event);
	return {
		edit: {
			version: group.version,
			title: group.title,
			theme: group.theme,
			description: group.description,
			visibility: group.visibility,
			phase: group.phase,
			collectingFrom: group.collectingFrom ?? '',
			prioritisingFrom: group.prioritisingFrom ?? '',
			phasingFrom: group.phasingFrom ?? '',
			closesOn: group.closesOn ?? '',
			agentsMayVote: group.agentsMayVote
		},
		phases: PHASES.filter((p) => p === group.phase || canSwitchPhase(group.phase, p))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, group } = managed(event);
		const form = parseForm(GroupEdit, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const { version, ...fields } = form.data;
		const result = updateGroup(group, version, fields, user);
		if (!result.ok)
			return invalid(
				result.field === 'form' ? 409 : 400,
				{ [result.field]: result.message },
				{
					...form.data,
					agentsMayVote: form.data.agentsMayVote ? 'on' : ''
				}
			);
		redirect(303, `/groupes/${group.id}?modifie=1`);
	}
};
