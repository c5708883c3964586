import { error } from '@sveltejs/kit';
import { isNotificationKind, KIND_LABELS } from '$lib/domain/relay/preferences';
import { findByUnsubscribeToken, setPreference } from '$lib/server/relay/preferences';
import type { Actions, PageServerLoad } from './$types';

/** The link in every mail: no login, the token names the person; a wrong one is a plain 404. */
function resolve(params: { token: string; kind: string }) {
	const person = findByUnsubscribeToken(params.token);
	if (!person || !isNotificationKind(params.kind))
		error(404, 'Ce lien de désabonnement est invalide.');
	return { person, kind: params.kind };
}

export const load: PageServerLoad = (event) => {
	const { person, kind } = resolve(event.params);
	return { email: person.email, label: KIND_LABELS[kind] };
};

export const actions: Actions = {
	/** a confirmation button, not the GET itself: mail scanners follow links */
	default: (event) => {
		const { person, kind } = resolve(event.params);
		setPreference(person.id, kind, 'app');
		return { done: true };
	}
};
