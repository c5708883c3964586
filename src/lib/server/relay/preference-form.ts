/** The forms of the relay's personal pages: delivery preferences and the inbox's archive button. */
import { z } from 'zod';
import { CHANNELS, NOTIFICATION_KINDS } from '../../domain/relay/preferences';
import { fields } from '../forms';

const channel = z.enum(CHANNELS, { error: 'Choisissez comment être averti.' });

export const preferencesSchema = z.object(
	Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channel])) as Record<
		(typeof NOTIFICATION_KINDS)[number],
		typeof channel
	>
);

export const archiveSchema = z.object({ id: fields.id });
