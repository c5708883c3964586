/**
 * Who an announcement reaches. A buyer chooses a rule; the server gathers the candidate
 * organisations the rule names (one query per rule kind), and these pure functions decide:
 * only organisations the centrale serves (its territory and the local authorities that joined
 * it), each once — Seneffe and Chapelle-lez-Herlaimont lie on two territories and appear twice
 * in the territory links, yet receive each announcement once.
 */
import { can } from '../permissions';
import type { Role } from '../roles';

export const AUDIENCE_KINDS = [
	'territory',
	'adherents',
	'interested',
	'followers',
	'group',
	'list'
] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const AUDIENCE_LABELS: Record<AudienceKind, string> = {
	territory: 'Toutes les communes du territoire de la centrale',
	adherents: 'Les communes qui ont adhéré au marché',
	interested: 'Les communes qui ont manifesté leur intérêt pour le marché',
	followers: 'Les communes dont des membres suivent le marché (abonnés)',
	group: "Les membres d'un groupe de travail",
	list: 'Une liste choisie de communes'
};

export type AudienceRule =
	| { kind: 'territory' }
	| { kind: 'adherents' | 'interested' | 'followers'; contractId: number }
	| { kind: 'group'; groupId: number }
	| { kind: 'list'; organisationIds: number[] };

/** The organisations a rule reaches: candidates the centrale serves, each once, in id order. */
export function resolveAudience(
	candidates: readonly number[],
	served: ReadonlySet<number>
): number[] {
	return [...new Set(candidates)].filter((id) => served.has(id)).sort((a, b) => a - b);
}

export interface RecipientCandidate {
	id: number;
	organisationId: number;
	role: Role;
	disabled: boolean;
}

/**
 * The people of the reached organisations who receive it: every active member, or only
 * referents when `referentsOnly` (the escalation to the referent, or a buyer's choice).
 * A person is listed once even if candidates repeat.
 */
export function recipientsOf(
	organisationIds: readonly number[],
	people: readonly RecipientCandidate[],
	options: { referentsOnly?: boolean } = {}
): number[] {
	const reached = new Set(organisationIds);
	const ids = people
		.filter((p) => !p.disabled && reached.has(p.organisationId))
		// "referents only" means those who may acknowledge in the commune's name
		.filter(
			(p) =>
				!options.referentsOnly ||
				can(p, 'announcement.acknowledge', {
					organisationId: p.organisationId,
					ackByReferent: true
				})
		)
		.map((p) => p.id);
	return [...new Set(ids)];
}
