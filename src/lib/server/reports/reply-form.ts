/** A centrale's reply to a published report: its text and, optionally, the contract it points to. */
import { z } from 'zod';

export const MAX_REPLY_CHARS = 5000;

export const replySchema = z.object({
	body: z
		.string({ error: 'Écrivez la réponse de la centrale.' })
		.trim()
		.min(1, 'Écrivez la réponse de la centrale.')
		.max(MAX_REPLY_CHARS, `La réponse ne peut pas dépasser ${MAX_REPLY_CHARS} caractères.`),
	contractId: z
		.string()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const n = Number(v);
			if (!Number.isInteger(n) || n <= 0) {
				ctx.addIssue({ code: 'custom', message: 'Choisissez un marché de la liste.' });
				return z.NEVER;
			}
			return n;
		})
});

export type ReplyInput = z.infer<typeof replySchema>;
