import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { PhaseForm } from '$lib/server/boards/group-form';
import { groupPage } from '$lib/server/boards/group-pages';
import { changePhase, groupForUser, requestToJoin } from '$lib/server/boards/groups';
import { MeetingForm, MinutesForm } from '$lib/server/boards/meeting-form';
import { planMeeting, rotateFeedToken, saveMinutes } from '$lib/server/boards/meetings';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { group, rights } = await event.parent();
	return groupPage(group, rights.readFeedToken);
};

/** The group and the right `action` requires, or a 403/404. */
function guard(
	event: RequestEvent,
	action: 'group.manage' | 'group.requestJoin' | 'group.rotateFeed'
) {
	const user = requireUser(event);
	const found = groupForUser(Number(event.params.id), user);
	if (!found.ok) error(found.status, 'Ce groupe de travail n’est pas accessible.');
	if (!can(user, action, found.ref))
		error(403, 'Vous n’avez pas les droits nécessaires pour cette action.');
	return { user, group: found.group };
}

export const actions: Actions = {
	join: async (event) => {
		const { user, group } = guard(event, 'group.requestJoin');
		requestToJoin(group, user);
		return { success: 'Votre demande a été envoyée à la centrale qui anime le groupe.' };
	},
	phase: async (event) => {
		const { user, group } = guard(event, 'group.manage');
		const form = parseForm(PhaseForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'phase' });
		if (!changePhase(group, form.data.to, user))
			return invalid(
				400,
				{ to: 'Le groupe ne peut passer que à la phase suivante ou précédente.' },
				{},
				{ action: 'phase' }
			);
		redirect(303, `/groupes/${group.id}`);
	},
	meeting: async (event) => {
		const { user, group } = guard(event, 'group.manage');
		const form = parseForm(MeetingForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'meeting' });
		planMeeting(group, form.data, user);
		return { success: 'La séance est planifiée ; les membres en sont avertis.' };
	},
	rotateFeed: async (event) => {
		const { user, group } = guard(event, 'group.rotateFeed');
		rotateFeedToken(group.id, user);
		return {
			success:
				'Un nouveau lien d’agenda a été créé : l’ancien ne fonctionne plus. Ajoutez le nouveau à votre calendrier.'
		};
	},
	minutes: async (event) => {
		const { user, group } = guard(event, 'group.manage');
		const form = parseForm(MinutesForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'minutes' });
		if (!saveMinutes(group.id, form.data.meetingId, form.data.minutes, user))
			return invalid(404, { meetingId: 'Séance inconnue.' }, {}, { action: 'minutes' });
		return { success: 'Procès-verbal enregistré.' };
	}
};
