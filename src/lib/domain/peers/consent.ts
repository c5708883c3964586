/**
 * Contact consent (« nous l'utilisons »): a commune says, per solution it uses, which of its
 * people may be written to about it, by role. Nobody is contacted about a solution unless their
 * role was ticked for it; the sender never learns who received the message, only the commune.
 */
import { COMMUNE_ROLES, type CommuneRole, type Role } from '../roles';

/** the roles of a commune's people, the only ones a consent can name */
export const CONTACT_ROLES = COMMUNE_ROLES;
export type ContactRole = CommuneRole;

const SHORT_LABELS: Record<ContactRole, string> = { agent: 'Agents', referent: 'Référents' };

/** « Votre message sera remis aux agents communaux et aux référents communaux de … » */
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
	agent: 'aux agents communaux',
	referent: 'aux référents communaux'
};

/** which roles of the commune accept being contacted about one solution */
export type ContactConsent = Record<ContactRole, boolean>;

export const NO_CONSENT: ContactConsent = { agent: false, referent: false };

/** whether a person of this role consented (people of other roles never do) */
function consents(consent: ContactConsent, role: Role): boolean {
	return (consent as Partial<Record<Role, boolean>>)[role] === true;
}

/** true when someone of the commune accepts messages about this solution */
export function acceptsContact(consent: ContactConsent): boolean {
	return CONTACT_ROLES.some((role) => consent[role]);
}

export interface Person {
	id: number;
	role: Role;
	disabled: boolean;
}

/**
 * The people a message about a solution reaches: the active people of the commune whose role
 * consented, never the sender themself (a member writing to their own commune's users).
 */
export function contactRecipients(
	consent: ContactConsent,
	people: readonly Person[],
	senderId: number
): number[] {
	return people
		.filter((p) => !p.disabled && p.id !== senderId && consents(consent, p.role))
		.map((p) => p.id);
}

/** "agents et référents", for the sentence that says who accepts messages */
export function consentSummary(consent: ContactConsent): string {
	const roles = CONTACT_ROLES.filter((role) => consent[role]);
	if (!roles.length) return 'Pas de contact';
	if (roles.length === CONTACT_ROLES.length) return 'Agents et référents';
	return SHORT_LABELS[roles[0]];
}
