import { can } from '$lib/domain/permissions';
import { ROLE_LABELS } from '$lib/domain/roles';
import { passwordProblem } from '$lib/domain/password-policy';
import { PasswordChangeForm, SessionRevokeForm } from '$lib/server/auth/account-form';
import { changePassword } from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guard';
import { listUserSessions, revokeOwnSession } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const current = event.locals.session?.id;
	const own = { organisationId: user.organisationId, kind: user.organisationKind };
	return {
		roleLabel: ROLE_LABELS[user.role],
		// the link to the user's own authority's calendar, and whether they keep it
		ownCalendar: {
			view: can(user, 'budgetCalendar.view', own),
			edit: can(user, 'budgetCalendar.edit', own)
		},
		sessions: listUserSessions(user.id).map((s) => ({ ...s, current: s.id === current }))
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = parseForm(PasswordChangeForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, {}, { action: 'password' });
		const problem = passwordProblem(form.data.newPassword, user.email);
		if (problem) return invalid(400, { newPassword: problem }, {}, { action: 'password' });
		const changed = await changePassword(
			user.id,
			form.data.currentPassword,
			form.data.newPassword,
			event.locals.session!.id
		);
		if (!changed) {
			return invalid(
				400,
				{ currentPassword: 'Le mot de passe actuel est incorrect.' },
				{},
				{ action: 'password' }
			);
		}
		return {
			action: 'password',
			success: 'Votre mot de passe a été modifié. Vos autres sessions ont été fermées.'
		};
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const form = parseForm(SessionRevokeForm, await event.request.formData());
		if (!form.ok || !revokeOwnSession(user.id, form.data.sessionId)) {
			return invalid(404, { form: 'Cette session n’existe plus.' }, {}, { action: 'revoke' });
		}
		return { action: 'revoke', success: 'La session a été fermée.' };
	}
};
