/** The admins' form that adds an organisation (a CPAS, a zone, another centrale) to the portal. */
import { z } from 'zod';
import { ORGANISATION_KINDS } from '../domain/roles';
import { fields } from './forms';
import type { OrganisationInput } from './users';

export const organisationSchema = z
	.object({
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
	})
	// an empty optional field is stored as null
	.transform((f): OrganisationInput => ({
		name: f.name,
		kind: f.kind,
		shortName: f.shortName || null,
		nisCode: f.nisCode || null,
		website: f.website || null
	}));
