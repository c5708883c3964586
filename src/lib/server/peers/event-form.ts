/** The forms of rencontres: publishing one, registering a commune's participants, a document. */
import { z } from 'zod';
import { brusselsInstant } from '../../domain/brussels-time';
import { MAX_PARTICIPANTS_PER_REGISTRATION } from '../../domain/peers/capacity';
import { fields, type FieldErrors, type Parsed } from '../forms';

const ids = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]))
	.pipe(
		z.array(
			z
				.string()
				.regex(/^\d{1,9}$/, 'Choix invalide.')
				.transform(Number)
		)
	);

export const eventSchema = z
	.object({
		title: fields.requiredText('l’intitulé de la rencontre', 150),
		topic: z
			.string()
			.trim()
			.max(4000, 'Ce texte ne peut pas dépasser 4000 caractères.')
			.default(''),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date de la rencontre.'),
		time: z.string().regex(/^\d{2}:\d{2}$/, 'Indiquez l’heure de début, par exemple 14:00.'),
		durationMinutes: z.coerce
			.number({ error: 'Indiquez une durée en minutes.' })
			.int('Indiquez une durée en minutes.')
			.min(15, 'Une rencontre dure au moins 15 minutes.')
			.max(720, 'Une rencontre dure au plus 12 heures.'),
		place: z.string().trim().max(200, 'Ce texte ne peut pas dépasser 200 caractères.').default(''),
		videoUrl: z
			.string()
			.trim()
			.max(500)
			.default('')
			.refine(
				(v) => v === '' || /^https:\/\/\S+$/.test(v),
				'Le lien de visioconférence doit commencer par https://.'
			),
		capacity: z.coerce
			.number({ error: 'Indiquez le nombre de places.' })
			.int('Indiquez un nombre entier de places.')
			.min(1, 'Prévoyez au moins une place.')
			.max(2000, 'Au plus 2000 places.'),
		contractIds: ids,
		solutions: z
			.string()
			.max(2000)
			.default('')
			.transform((v) =>
				v
					.split('\n')
					.map((s) => s.trim())
					.filter(Boolean)
					.slice(0, 20)
			)
	})
	.refine((e) => e.place || e.videoUrl, {
		path: ['place'],
		message: 'Indiquez un lieu ou un lien de visioconférence.'
	})
	.transform(({ date, time, durationMinutes, ...rest }) => {
		const [hour, minute] = time.split(':').map(Number);
		const startsAt = brusselsInstant(date, hour, minute);
		return { ...rest, startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
	});

export type EventInput = z.infer<typeof eventSchema>;

export const registrationSchema = z.object({
	participants: z.coerce
		.number({ error: 'Indiquez le nombre de participants.' })
		.int('Indiquez un nombre entier de participants.')
		.min(1, 'Indiquez au moins un participant.')
		.max(
			MAX_PARTICIPANTS_PER_REGISTRATION,
			`Une organisation inscrit au plus ${MAX_PARTICIPANTS_PER_REGISTRATION} participants.`
		)
});

/** A document is multipart: the file is checked here, its content by checkUpload. */
export function parseEventDocument(form: FormData): Parsed<{ title: string; file: File }> {
	const file = form.get('file');
	const title = String(form.get('title') ?? '')
		.trim()
		.slice(0, 200);
	const errors: FieldErrors = {};
	if (!(file instanceof File) || file.size === 0) errors.file = 'Choisissez un fichier.';
	if (!title) errors.title = 'Indiquez le titre du document.';
	if (Object.keys(errors).length || !(file instanceof File))
		return { ok: false, errors, fields: { title } };
	return { ok: true, data: { title, file } };
}

/** Cancelling is confirmed by a checkbox in the same form (it works without JavaScript). */
export const cancelSchema = z.object({
	confirmed: z.literal('1', { error: 'Cochez la case pour confirmer l’annulation.' }),
	reason: z.string().trim().max(500, 'Ce texte ne peut pas dépasser 500 caractères.').default('')
});

/** What the rencontre form re-shows after a refusal: everything typed, the chosen contracts too. */
export function eventEcho(raw: FormData): Record<string, string> {
	const text = (key: string) => String(raw.get(key) ?? '').slice(0, 4000);
	const keys = ['title', 'topic', 'date', 'time', 'durationMinutes', 'place', 'videoUrl'];
	return {
		...Object.fromEntries(keys.map((k) => [k, text(k)])),
		capacity: text('capacity'),
		solutions: text('solutions'),
		contractIds: raw
			.getAll('contractIds')
			.map(String)
			.filter((v) => /^\d{1,9}$/.test(v))
			.join(',')
	};
}
