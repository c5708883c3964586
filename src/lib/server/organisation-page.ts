/**
 * An organisation's page in the Annuaire: its public facts for everyone and, for those who may
 * see them, its people, with what the viewer may do about each and whether they may invite.
 */
import { can, type Actor } from '../domain/permissions';
import { ROLE_LABELS, rolesForKind } from '../domain/roles';
import { BUYING_KINDS } from '../domain/roles';
import { getOrganisationBySlug, listMembers } from './directory';
import { organisationUsages } from './peers/usages';
import { organisationReports } from './reports/published';

/** null when no organisation has this slug */
export function organisationPage(slug: string, viewer: Actor | null) {
	const found = getOrganisationBySlug(slug);
	if (!found) return null;
	const { organisation } = found;
	const members = can(viewer, 'organisation.viewMembers', { organisationId: organisation.id })
		? listMembers(organisation.id).map((m) => ({
				...m,
				roleLabel: ROLE_LABELS[m.role],
				manageable: can(viewer, 'user.manage', {
					organisationId: organisation.id,
					role: m.role,
					userId: m.id
				})
			}))
		: null;
	// the link leads to the invitation form: shown to whoever may invite someone here
	const canInvite = rolesForKind(organisation.kind).some((role) =>
		can(viewer, 'user.invite', { organisationId: organisation.id, kind: organisation.kind, role })
	);
	// what a local authority uses (« nous l'utilisons »), as « Qui utilise quoi ? » shows it
	const usages = BUYING_KINDS.includes(organisation.kind)
		? organisationUsages(organisation.id, viewer)
		: [];
	// its published experience reports (to visitors, only those it chose to sign with its name)
	const reports = BUYING_KINDS.includes(organisation.kind)
		? organisationReports(organisation.id, viewer)
		: [];
	return { ...found, members, canInvite, usages, reports };
}
