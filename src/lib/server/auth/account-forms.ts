/**
 * The forms of someone's own account: logging in, asking for a reset link, choosing a new
 * password, accepting an invitation. The password policy itself is domain/password-policy.
 */
import { z } from 'zod';
import { fields } from '../forms';

export const loginSchema = z.object({
	email: fields.email,
	password: fields.password,
	redirectTo: z.string().optional()
});

export const resetRequestSchema = z.object({ email: fields.email });

/** the new password typed twice, with the messages of the form it appears in */
function newPassword(choose: string, confirm: string) {
	return {
		newPassword: z.string({ error: choose }),
		confirmPassword: z.string({ error: confirm })
	};
}

const twiceTheSame = {
	path: ['confirmPassword'],
	message: 'Les deux mots de passe ne correspondent pas.'
};

export const passwordResetSchema = z
	.object(newPassword('Choisissez un nouveau mot de passe.', 'Confirmez le nouveau mot de passe.'))
	.refine((f) => f.newPassword === f.confirmPassword, twiceTheSame);

export const invitationSchema = z
	.object({
		name: fields.requiredText('votre nom', 120),
		...newPassword('Choisissez un mot de passe.', 'Confirmez le mot de passe.')
	})
	.refine((f) => f.newPassword === f.confirmPassword, twiceTheSame);
