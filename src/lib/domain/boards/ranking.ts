/**
 * Ranking of a board's needs after the prioritising phase. The formula is meant to be read by
 * the communes, so it stays simple and is shown on screen with {@link RANKING_EXPLANATION}:
 *
 *   score = points + 10 × communes + requirements weight
 *
 * - points: the sum of the points member communes gave the need (each spreads 100);
 * - communes: how many communes gave it at least one point or declared interest, so a need
 *   shared by many weighs more than one commune's whole allowance;
 * - requirements weight: 3 per « must », 2 per « should », 1 per « could », 0 per « won't »,
 *   capped at 15, so a well-specified need rises a little but cannot outrun the votes.
 *
 * Ties are broken by points, then communes, then title (stable, no hidden order).
 */

export const COMMUNE_WEIGHT = 10;
export const MOSCOW_WEIGHTS = { must: 3, should: 2, could: 1, wont: 0 } as const;
export const REQUIREMENTS_CAP = 15;
export const POINTS_PER_COMMUNE = 100;

export const RANKING_EXPLANATION = [
	'Score = points reçus + 10 × nombre de communes intéressées + poids des exigences.',
	'Chaque commune membre répartit 100 points entre les besoins.',
	'Une commune est comptée si elle a donné au moins un point ou déclaré un intérêt.',
	'Poids des exigences : 3 par « indispensable », 2 par « important », 1 par « souhaitable », plafonné à 15.',
	'À égalité, le besoin qui a le plus de points passe devant, puis celui qui touche le plus de communes.'
];

export interface RankingInput {
	cardId: string;
	title: string;
	requirements: { must: number; should: number; could: number; wont: number };
	/** points per organisation id */
	votes: { organisationId: number; points: number }[];
	/** organisations that declared interest */
	interested: number[];
}

export interface RankedNeed {
	cardId: string;
	title: string;
	rank: number;
	score: number;
	points: number;
	communes: number;
	requirementsWeight: number;
}

export function requirementsWeight(r: RankingInput['requirements']): number {
	const raw =
		r.must * MOSCOW_WEIGHTS.must +
		r.should * MOSCOW_WEIGHTS.should +
		r.could * MOSCOW_WEIGHTS.could;
	return Math.min(REQUIREMENTS_CAP, raw);
}

export function scoreNeed(need: RankingInput): Omit<RankedNeed, 'rank'> {
	const points = need.votes.reduce((sum, v) => sum + Math.max(0, v.points), 0);
	const communes = new Set([
		...need.votes.filter((v) => v.points > 0).map((v) => v.organisationId),
		...need.interested
	]).size;
	const weight = requirementsWeight(need.requirements);
	return {
		cardId: need.cardId,
		title: need.title,
		points,
		communes,
		requirementsWeight: weight,
		score: points + COMMUNE_WEIGHT * communes + weight
	};
}

/** Needs from best to worst; equal scores share a rank (1, 2, 2, 4). */
export function rankNeeds(needs: RankingInput[]): RankedNeed[] {
	const scored = needs
		.map(scoreNeed)
		.sort(
			(a, b) =>
				b.score - a.score ||
				b.points - a.points ||
				b.communes - a.communes ||
				a.title.localeCompare(b.title, 'fr') ||
				a.cardId.localeCompare(b.cardId)
		);
	return scored.map((need, i) => {
		const first = scored.findIndex((other) => other.score === need.score);
		return { ...need, rank: i === first ? i + 1 : first + 1 };
	});
}

export type BallotCheck =
	{ ok: true; total: number } | { ok: false; message: string; cardId?: string };

/**
 * Checks a commune's spread of points: whole, non-negative numbers on known cards, at most
 * 100 in total (a commune may keep points back).
 */
export function checkBallot(
	ballot: { cardId: string; points: number }[],
	knownCards: ReadonlySet<string>
): BallotCheck {
	let total = 0;
	for (const { cardId, points } of ballot) {
		if (!knownCards.has(cardId))
			return { ok: false, message: 'Ce besoin n’existe pas sur ce tableau.', cardId };
		if (!Number.isInteger(points) || points < 0)
			return { ok: false, message: 'Indiquez un nombre entier de points, 0 ou plus.', cardId };
		total += points;
	}
	if (total > POINTS_PER_COMMUNE)
		return {
			ok: false,
			message: `Vous avez réparti ${total} points : le total ne peut pas dépasser ${POINTS_PER_COMMUNE}.`
		};
	return { ok: true, total };
}

/**
 * Order in which a voter sees the cards while voting is open: a shuffle seeded by the voter and
 * the board, so it is stable across reloads but differs between people (the first card is not
 * favoured for everyone).
 */
export function shuffledForVoter<T extends { cardId: string }>(items: T[], seed: string): T[] {
	return items
		.map((item) => ({ item, key: hash(`${seed}:${item.cardId}`) }))
		.sort((a, b) => a.key - b.key || a.item.cardId.localeCompare(b.item.cardId))
		.map((x) => x.item);
}

/** FNV-1a, 32 bits: enough to shuffle, not a secret. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}
