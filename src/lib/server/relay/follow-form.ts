/** The « Suivre » / « Ne plus suivre » button's form (lib/components/FollowButton.svelte). */
import { z } from 'zod';
import { FOLLOW_KINDS } from '../../domain/relay/follows';

export const followSchema = z.object({
	kind: z.enum(FOLLOW_KINDS, { error: 'Ce que vous voulez suivre est inconnu.' }),
	subject: z
		.string({ error: 'Ce que vous voulez suivre est inconnu.' })
		.trim()
		.regex(/^[a-z0-9-]{1,60}$/, 'Ce que vous voulez suivre est inconnu.'),
	follow: z.enum(['1', '0'], { error: 'Choisissez de suivre ou de ne plus suivre.' }),
	/** the page to come back to: a path on the portal, never another site */
	back: z
		.string()
		.optional()
		.transform((v) => (v && /^\/(?![/\\])[^\s]*$/.test(v) ? v : '/compte/suivis'))
});
