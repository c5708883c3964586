/** The forms of a report's co-authors: invite one by the address their colleague knows, remove one. */
import { z } from 'zod';
import { fields } from '../forms';

export const inviteCoAuthorSchema = z.object({ email: fields.email });
export const removeCoAuthorSchema = z.object({ userId: fields.id });
