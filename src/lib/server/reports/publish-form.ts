/** The publish box: who reads the published version, and whether the public sees the commune's name. */
import { z } from 'zod';

export const publishSchema = z
	.object({
		visibility: z
			.enum(['members', 'public'], { error: 'Choisissez qui peut lire ce retour.' })
			.default('members'),
		named: z
			.literal('1', { error: 'Choix invalide.' })
			.optional()
			.transform((v) => v === '1')
	})
	.transform((d) => ({
		isPublic: d.visibility === 'public',
		// the name is shown only to the public it was opened to; members always see it
		publicNamed: d.visibility === 'public' && d.named
	}));

export type PublishInput = z.infer<typeof publishSchema>;
