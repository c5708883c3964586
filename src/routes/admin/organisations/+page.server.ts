import { can } from '$lib/domain/permissions';
import { ORGANISATION_KIND_LABELS } from '$lib/domain/roles';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { listOrganisationsForInvitation } from '$lib/server/directory';
import { invalid, parseForm } from '$lib/server/forms';
import { organisationSchema } from '$lib/server/organisation-form';
import { createOrganisation } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

/**
 * Each load and action checks the right itself: the admin layout's check runs neither for a form
 * action nor for a client asking __data.json for this page's load alone.
 */
export const load: PageServerLoad = (event) => {
	ensure(can(requireUser(event), 'organisation.manage'));
	return { organisations: listOrganisationsForInvitation(), kindLabels: ORGANISATION_KIND_LABELS };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		ensure(can(user, 'organisation.manage'));
		const form = parseForm(organisationSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const result = createOrganisation(user.id, form.data);
		if (!result.ok) {
			const { name, kind, shortName, nisCode, website } = form.data;
			return invalid(
				400,
				{ name: result.message },
				{ name, kind, shortName: shortName ?? '', nisCode: nisCode ?? '', website: website ?? '' }
			);
		}
		return { success: `${form.data.name} a été ajoutée.` };
	}
};
