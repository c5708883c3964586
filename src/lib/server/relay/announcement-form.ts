/** The buyers' announcement form: one zod schema with French messages. */
import { z } from 'zod';
import { ANNOUNCEMENT_KINDS } from '../../domain/relay/announcement';
import { AUDIENCE_KINDS, type AudienceRule } from '../../domain/relay/audience';
import { optionalDate } from '../catalogue/contract-form';
import { fields } from '../forms';

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === '1');

const optionalId = z
	.string()
	.optional()
	.transform((v) => (v ? Number(v) : null))
	.refine((v) => v === null || (Number.isInteger(v) && v > 0), 'Choix invalide.');

export const announcementSchema = z
	.object({
		kind: z.enum(ANNOUNCEMENT_KINDS, { error: "Choisissez le type d'annonce." }),
		title: fields.requiredText('le titre', 200),
		body: fields.requiredText('le texte de l’annonce', 20_000),
		contractId: optionalId,
		groupId: optionalId,
		deadline: optionalDate,
		eventDate: optionalDate,
		audienceKind: z.enum(AUDIENCE_KINDS, { error: 'Choisissez à qui envoyer l’annonce.' }),
		organisationIds: z
			.union([z.string(), z.array(z.string())])
			.optional()
			.transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]).map(Number))
			.refine((ids) => ids.every((id) => Number.isInteger(id) && id > 0), 'Choix invalide.'),
		requiresAck: checkbox,
		ackByReferent: checkbox,
		escalationWorkingDays: z.coerce
			.number({ error: 'Indiquez un nombre de jours ouvrables.' })
			.int('Indiquez un nombre entier de jours ouvrables.')
			.min(1, 'Au moins 1 jour ouvrable.')
			.max(20, 'Au plus 20 jours ouvrables.')
			.default(3),
		isPublic: checkbox,
		/** the count the buyer saw before publishing (« public résolu ») */
		expectedCount: z.coerce.number().int().optional()
	})
	.superRefine((v, ctx) => {
		const need = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (
			(v.audienceKind === 'adherents' ||
				v.audienceKind === 'interested' ||
				v.audienceKind === 'followers') &&
			!v.contractId
		)
			need('contractId', 'Choisissez le marché dont les communes recevront l’annonce.');
		if (v.audienceKind === 'group' && !v.groupId)
			need('groupId', 'Choisissez le groupe de travail dont les membres recevront l’annonce.');
		if (v.audienceKind === 'list' && !v.organisationIds.length)
			need('organisationIds', 'Cochez au moins une commune.');
	});

export type AnnouncementInput = z.infer<typeof announcementSchema>;

/** The audience rule the form describes (validated: the ids it needs are there). */
export function audienceRule(input: AnnouncementInput): AudienceRule {
	switch (input.audienceKind) {
		case 'territory':
			return { kind: 'territory' };
		case 'adherents':
		case 'interested':
		case 'followers':
			return { kind: input.audienceKind, contractId: input.contractId! };
		case 'group':
			return { kind: 'group', groupId: input.groupId! };
		case 'list':
			return { kind: 'list', organisationIds: input.organisationIds };
	}
}

export const acknowledgeSchema = z.object({ id: fields.id });
