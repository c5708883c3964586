import { z } from 'zod';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guard';
import { listOrganisationsForInvitation } from '$lib/server/directory';
import { fields, invalid, parseForm } from '$lib/server/forms';
import { createOrganisation } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	organisations: listOrganisationsForInvitation(),
	kindLabels: ORGANISATION_KIND_LABELS
});

const OrganisationForm = z.object({
	name: fields.requiredText("le nom de l'organisation", 200),
	kind: z.enum(ORGANISATION_KINDS, { error: "Choisissez le type d'organisation." }),
	shortName: z.string().trim().max(40, 'Le sigle ne peut pas dépasser 40 caractères.').optional(),
	nisCode: z
		.string()
		.trim()
		.regex(/^(\d{5})?$/, 'Le code INS compte 5 chiffres.')
		.optional(),
	website: z
		.string()
		.trim()
		.refine(
			(v) => v === '' || /^https?:\/\/\S+$/.test(v),
			'Indiquez une adresse web commençant par https://.'
		)
		.optional()
});

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = parseForm(OrganisationForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const { name, kind, shortName, nisCode, website } = form.data;
		const result = createOrganisation(user.id, {
			name,
			kind,
			shortName: shortName || null,
			nisCode: nisCode || null,
			website: website || null
		});
		if (!result.ok)
			return invalid(
				400,
				{ name: result.message },
				{ name, kind, shortName: shortName ?? '', nisCode: nisCode ?? '', website: website ?? '' }
			);
		return { success: `${name} a été ajoutée.` };
	}
};
