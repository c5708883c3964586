/**
 * Who may be invited to co-write a report: a deployment shared with a partner commune, or
 * accompanied by the centrale, is told by both. The commune's own agents and referents write by
 * right, so inviting them means nothing; a platform administrator keeps the platform running and
 * speaks for no authority.
 */
export interface CoAuthorCandidate {
	id: number;
	organisationId: number;
	disabled: boolean;
	/** `can(candidate, 'report.coWrite', report)`: whether their role may write for anyone */
	mayCoWrite: boolean;
}

export type CoAuthorVerdict = { ok: true } | { ok: false; message: string };

const no = (message: string): CoAuthorVerdict => ({ ok: false, message });

/** `candidate` is null when no account has the address typed. */
export function coAuthorVerdict(
	report: { organisationId: number; coAuthorIds: readonly number[] },
	candidate: CoAuthorCandidate | null
): CoAuthorVerdict {
	if (!candidate)
		return no(
			'Aucun compte du portail ne correspond à cette adresse : invitez d’abord cette personne sur le portail.'
		);
	if (candidate.disabled) return no('Ce compte est désactivé.');
	if (candidate.organisationId === report.organisationId)
		return no('Les agents et référents de la commune écrivent déjà ce retour.');
	if (!candidate.mayCoWrite)
		return no('Les administrateurs de la plateforme n’écrivent pas de retours d’expérience.');
	if (report.coAuthorIds.includes(candidate.id)) return no('Cette personne est déjà co-auteur.');
	return { ok: true };
}
