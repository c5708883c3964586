/** The forms of the account page: changing one's password, closing one of one's sessions. */
import { z } from 'zod';
import { fields } from '../forms';

/** The new password's strength is passwordProblem's to judge, with the user's email in hand. */
export const PasswordChangeForm = z
	.object({
		currentPassword: fields.password,
		newPassword: z.string({ error: 'Choisissez un nouveau mot de passe.' }),
		confirmPassword: z.string({ error: 'Confirmez le nouveau mot de passe.' })
	})
	.refine((f) => f.newPassword === f.confirmPassword, {
		path: ['confirmPassword'],
		message: 'Les deux mots de passe ne correspondent pas.'
	});

/** A session is named by its id, the SHA-256 of its token, never by the token itself. */
export const SessionRevokeForm = z.object({
	sessionId: z.string().regex(/^[0-9a-f]{64}$/, 'Session inconnue.')
});
