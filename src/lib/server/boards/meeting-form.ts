/** The forms of a group's meetings: planning one, and writing its minutes. */
import { z } from 'zod';
import { brusselsInstant } from '../../domain/brussels-time';
import { fields } from '../forms';
import type { NewMeeting } from './meetings';

/** 'YYYY-MM-DD' + 'HH:MM' in Europe/Brussels → UTC instant */
function brusselsToUtc(date: string, time: string): Date {
	const [hour, minute] = time.split(':').map(Number);
	return brusselsInstant(date, hour, minute);
}

/** A meeting as planned: a date and a time of day in Brussels, a place or a video link. */
export const MeetingForm = z
	.object({
		title: fields.requiredText('l’intitulé de la séance', 120),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date de la séance.'),
		time: z
			.string()
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Indiquez l’heure de début, par exemple 14:00.'),
		durationMinutes: z.coerce
			.number({ error: 'Indiquez une durée en minutes.' })
			.int('Indiquez une durée en minutes.')
			.min(15, 'Une séance dure au moins 15 minutes.')
			.max(600, 'Une séance dure au plus 10 heures.'),
		place: z.string().trim().max(200),
		videoLink: z
			.string()
			.trim()
			.max(500)
			.refine(
				(v) => v === '' || /^https:\/\/\S+$/.test(v),
				'Le lien de visioconférence doit commencer par https://.'
			),
		agenda: z.string().trim().max(4000)
	})
	.refine((s) => s.place || s.videoLink, {
		path: ['place'],
		message: 'Indiquez un lieu ou un lien de visioconférence.'
	})
	.transform(({ date, time, ...rest }): NewMeeting => ({
		...rest,
		startsAt: brusselsToUtc(date, time)
	}));

export const MinutesForm = z.object({
	meetingId: fields.id,
	minutes: z.string().trim().max(20000)
});
