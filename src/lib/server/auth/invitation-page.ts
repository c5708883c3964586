/**
 * What the invitation page shows one user (each organisation they may invite someone into, with
 * the roles they may give there, and the open invitations they follow) and the form it posts.
 */
import { z } from 'zod';
import { can, type Actor } from '../../domain/permissions';
import { ROLES, ROLE_LABELS, rolesForKind } from '../../domain/roles';
import { listOrganisationsForInvitation } from '../directory';
import { fields } from '../forms';
import { listOpenInvitations } from './invitations';

export function invitationPage(user: Actor) {
	const organisations = listOrganisationsForInvitation()
		.map((o) => ({
			...o,
			roles: rolesForKind(o.kind).filter((role) =>
				can(user, 'user.invite', { organisationId: o.id, kind: o.kind, role })
			)
		}))
		.filter((o) => o.roles.length > 0);
	return {
		organisations,
		roleLabels: ROLE_LABELS,
		invitations: listOpenInvitations(can(user, 'invitation.viewAll') ? null : user.organisationId)
	};
}

/** The invitation form; whether this role fits this organisation is can()'s to say. */
export const InviteForm = z.object({
	name: fields.requiredText('le nom de la personne', 120),
	email: fields.email,
	organisationId: fields.id,
	role: z.enum(ROLES, { error: 'Choisissez un rôle.' })
});
