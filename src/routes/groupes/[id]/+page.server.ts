import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { PHASES } from '$lib/domain/boards/phases';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { changePhase, groupForUser, requestToJoin } from '$lib/server/boards/groups';
import {
	feedToken,
	listMeetings,
	planMeeting,
	rotateFeedToken,
	saveMinutes
} from '$lib/server/boards/meetings';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { group } = await event.parent();
	const found = groupForUser(group.id, user);
	const feed =
		group.visibility === 'open'
			? `/groupes/${group.id}/seances.ics`
			: found.ok && can(user, 'group.readFeedToken', found.ref)
				? `/groupes/${group.id}/seances.ics?jeton=${feedToken(group.id)}`
				: null;
	return {
		meetings: listMeetings(group.id).map((m) => ({ ...m, startsAt: m.startsAt.getTime() })),
		feed,
		canRotateFeed: found.ok && can(user, 'group.rotateFeed', found.ref),
		now: Date.now()
	};
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

const PhaseForm = z.object({ to: z.enum(PHASES, { error: 'Phase inconnue.' }) });

/** 'YYYY-MM-DD' + 'HH:MM' in Europe/Brussels → UTC instant */
function brusselsToUtc(date: string, time: string): Date {
	const guess = new Date(`${date}T${time}:00Z`);
	const inBrussels = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/Brussels' }));
	const inUtc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
	return new Date(guess.getTime() - (inBrussels.getTime() - inUtc.getTime()));
}

const MeetingForm = z
	.object({
		title: fields.requiredText('l’intitulé de la séance', 120),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date de la séance.'),
		time: z.string().regex(/^\d{2}:\d{2}$/, 'Indiquez l’heure de début, par exemple 14:00.'),
		durationMinutes: z.coerce
			.number({ error: 'Indiquez une durée en minutes.' })
			.int('Indiquez une durée en minutes.')
			.min(15, 'Une séance dure au moins 15 minutes.')
			.max(600, 'Une séance dure au plus 10 heures.'),
		place: z.string().trim().max(200),
		videoLink: z
			.string()
			.trim()
			.max(500)
			.refine(
				(v) => v === '' || /^https:\/\/\S+$/.test(v),
				'Le lien de visioconférence doit commencer par https://.'
			),
		agenda: z.string().trim().max(4000)
	})
	.refine((s) => s.place || s.videoLink, {
		path: ['place'],
		message: 'Indiquez un lieu ou un lien de visioconférence.'
	});

const MinutesForm = z.object({ meetingId: fields.id, minutes: z.string().trim().max(20000) });

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
		const { date, time, ...rest } = form.data;
		planMeeting(group, { ...rest, startsAt: brusselsToUtc(date, time) }, user);
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
