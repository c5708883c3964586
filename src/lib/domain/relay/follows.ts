/**
 * Follows (« Suivre »): a member follows a contract, a lot, a working group, a supplier or a
 * thématique (a module of the catalogue), and hears about it (notification kind `follow`,
 * reminders). A commune with an active adhesion follows its contract by default: that follow
 * is computed, not stored; an explicit « Ne plus suivre » is stored as an opt-out row.
 */
export const FOLLOW_KINDS = ['contract', 'lot', 'group', 'supplier', 'theme'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

export const FOLLOW_KIND_LABELS: Record<FollowKind, string> = {
	contract: 'Marché',
	lot: 'Lot',
	group: 'Groupe de travail',
	supplier: 'Adjudicataire',
	theme: 'Thématique'
};

export function isFollowKind(value: string): value is FollowKind {
	return (FOLLOW_KINDS as readonly string[]).includes(value);
}

/** What a person's stored row (if any) and their commune's adhesion say together. */
export function isFollowing(
	row: { optOut: boolean } | null | undefined,
	followsByDefault: boolean
): boolean {
	if (row) return !row.optOut;
	return followsByDefault;
}

/**
 * The row to store when a person clicks: following stores a follow; unfollowing a default
 * follow stores an opt-out; unfollowing an explicit follow removes the row (null).
 */
export function rowAfterClick(
	follow: boolean,
	followsByDefault: boolean
): { optOut: boolean } | null {
	if (follow) return followsByDefault ? null : { optOut: false };
	return followsByDefault ? { optOut: true } : null;
}

/**
 * The people who follow a contract: those with an explicit follow of it (or of one of its
 * lots), plus the people of its adhering communes, minus whoever opted out.
 */
export function contractFollowers(input: {
	explicit: readonly number[];
	optedOut: readonly number[];
	adherentPeople: readonly number[];
}): number[] {
	const out = new Set(input.optedOut);
	const ids = new Set([...input.explicit, ...input.adherentPeople.filter((id) => !out.has(id))]);
	return [...ids].sort((a, b) => a - b);
}
