/** The forms of people management, beside the verbs of users.ts they feed. */
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { fields } from './forms';

/** The admin's role picker beside a person. */
export const RoleForm = z.object({
	userId: fields.id,
	role: z.enum(ROLES, { error: 'Rôle inconnu.' })
});

/** The disable/re-enable button beside a person, on the admin's list and in the directory. */
export const AccountSwitchForm = z.object({
	userId: fields.id,
	disabled: z.enum(['0', '1'], { error: 'Action inconnue.' }).transform((v) => v === '1')
});
