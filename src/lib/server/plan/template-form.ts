/** The form « Enregistrer une nouvelle version » of a document template. */
import { z } from 'zod';
import { fields } from '../forms';

export const templateSchema = z.object({
	body: fields.requiredText('le texte du modèle', 20_000)
});
