/** The forms of the phasing page: planning waves, and drawing a contract from ranked needs. */
import { z } from 'zod';
import { PROCEDURES, THEMES } from '../../domain/catalogue/labels';
import { fields } from '../forms';

export const WaveForm = z.object({
	year: z.coerce
		.number({ error: 'Indiquez une année.' })
		.int('Indiquez une année.')
		.min(2024, 'Indiquez une année à partir de 2024.')
		.max(2100, 'Indiquez une année avant 2100.')
});

/** A need placed in a wave; an empty choice takes it out of any wave. */
export const AssignForm = z.object({
	cardId: z.string().min(1, 'Besoin inconnu.'),
	waveId: z
		.string()
		.transform((v) => (v === '' ? null : Number(v)))
		.pipe(z.number().int().positive().nullable())
});

export const WaveIdForm = z.object({ waveId: fields.id });

export const RenameWaveForm = WaveIdForm.extend({
	label: fields.requiredText('le nom de la vague', 80)
});

/** One step up (-1) or down (1) among the waves of the same year. */
export const MoveWaveForm = WaveIdForm.extend({
	step: z.enum(['-1', '1'], { error: 'Sens inconnu.' }).transform((v) => (v === '1' ? 1 : -1))
});

export const PromoteForm = z.object({
	title: fields.requiredText('l’intitulé du marché', 200),
	theme: z.enum(Object.keys(THEMES) as [string, ...string[]], {
		error: 'Choisissez une thématique.'
	}),
	procedure: z.enum(Object.keys(PROCEDURES) as [string, ...string[]], {
		error: 'Choisissez une procédure.'
	}),
	cardIds: z
		.union([z.string(), z.array(z.string())], { error: 'Choisissez au moins un besoin.' })
		.transform((v) => (Array.isArray(v) ? v : [v]))
});
