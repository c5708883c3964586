/** The forms of peer conversations: a message, a report of abuse, a report handled. */
import { z } from 'zod';
import { fields } from '../forms';
import { MAX_MESSAGE_LENGTH } from './conversations';

export const messageSchema = z.object({
	body: z
		.string({ error: 'Écrivez votre message.' })
		.trim()
		.min(1, 'Écrivez votre message.')
		.max(MAX_MESSAGE_LENGTH, `Le message ne peut pas dépasser ${MAX_MESSAGE_LENGTH} caractères.`)
});

export const abuseSchema = z.object({
	messageId: fields.id,
	reason: fields.requiredText('ce qui pose problème', 1000)
});

export const resolveSchema = z.object({ reportId: fields.id });
