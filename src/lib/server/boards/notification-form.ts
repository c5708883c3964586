/** The notifications page's one form: mark one notification read by its id, or all without one. */
import { z } from 'zod';
import { fields } from '../forms';

export const markReadSchema = z.object({ id: fields.id.optional() });
