import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { communeCalendarPath, rotateCommuneFeedToken } from '$lib/server/relay/commune-calendar';
import { invalid, parseForm, readForm } from '$lib/server/forms';
import { preferencesSchema } from '$lib/server/relay/preference-form';
import { preferencesOf, setPreference } from '$lib/server/relay/preferences';
import { personalFeedPath, rotateFeedToken } from '$lib/server/relay/feeds';
import { personalCalendarPath } from '$lib/server/relay/calendar';
import { publicUrl } from '$lib/server/config';
import { NOTIFICATION_KINDS } from '$lib/domain/relay/preferences';
import type { OrganisationKind } from '$lib/domain/roles';
import type { Actions, PageServerLoad } from './$types';

const commune = (user: { organisationId: number; organisationKind: OrganisationKind }) => ({
	organisationId: user.organisationId,
	kind: user.organisationKind
});

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		preferences: preferencesOf(user.id),
		feedUrl: publicUrl(personalFeedPath(user.id)),
		calendarUrl: publicUrl(personalCalendarPath(user.id)),
		commune: can(user, 'communeCalendar.read', commune(user))
			? {
					name: user.organisationName,
					calendarUrl: publicUrl(communeCalendarPath(user.organisationId)),
					mayRotate: can(user, 'communeCalendar.rotate', commune(user))
				}
			: null
	};
};

// named actions only: SvelteKit refuses a default action beside named ones
export const actions: Actions = {
	preferences: async (event) => {
		const user = requireUser(event);
		const form = parseForm(preferencesSchema, await readForm(() => event.request.formData()));
		if (!form.ok) return invalid(400, form.errors, form.fields);
		for (const kind of NOTIFICATION_KINDS) setPreference(user.id, kind, form.data[kind]);
		return { success: 'Vos préférences sont enregistrées.' };
	},
	feed: (event) => {
		const user = requireUser(event);
		rotateFeedToken(user.id);
		return { success: 'Nouvelle adresse de flux créée ; l’ancienne ne fonctionne plus.' };
	},
	communeCalendar: (event) => {
		const user = requireUser(event);
		ensure(can(user, 'communeCalendar.rotate', commune(user)));
		rotateCommuneFeedToken(user.organisationId);
		return {
			success: 'Nouvelle adresse de l’agenda de la commune créée ; l’ancienne ne fonctionne plus.'
		};
	}
};
