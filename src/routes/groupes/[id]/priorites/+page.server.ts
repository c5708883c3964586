import { error } from '@sveltejs/kit';
import { RANKING_EXPLANATION, shuffledForVoter } from '$lib/domain/boards/ranking';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { groupForUser } from '$lib/server/boards/groups';
import {
	ballotOf,
	listNeeds,
	rankBoard,
	saveBallot,
	votersCount,
	type BallotLine
} from '$lib/server/boards/votes';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { group, rights } = await event.parent();
	if (group.boardId == null) error(404, 'Ce groupe n’a pas de tableau.');
	const voting = group.phase === 'prioritising';
	const showRanking = rights.viewRanking;
	const ranking = showRanking ? rankBoard(group.boardId) : [];
	const ballot = rights.vote
		? ballotOf(group.boardId, user.organisationId)
		: new Map<string, BallotLine>();
	const seed = `${event.locals.session?.id ?? user.id}:${group.boardId}`;
	const cards = rights.vote
		? shuffledForVoter(
				listNeeds(group.boardId).map((n) => ({
					cardId: n.cardId,
					title: n.title,
					summary: n.summary,
					points: ballot.get(n.cardId)?.points ?? 0,
					quantity: ballot.get(n.cardId)?.quantity ?? 0
				})),
				seed
			)
		: [];
	return {
		voting,
		showRanking,
		explanation: RANKING_EXPLANATION,
		voters: votersCount(group.boardId),
		ranking: ranking.map((r) => ({
			cardId: r.cardId,
			title: r.title,
			rank: r.rank,
			score: r.score,
			points: r.points,
			communes: r.communes,
			requirementsWeight: r.requirementsWeight,
			interests: r.interests
		})),
		cards
	};
};

export const actions: Actions = {
	vote: async (event) => {
		const user = requireUser(event);
		const found = groupForUser(Number(event.params.id), user);
		if (!found.ok) error(found.status, 'Ce groupe de travail n’est pas accessible.');
		if (!can(user, 'group.vote', found.ref))
			return invalid(403, {
				form:
					found.group.phase === 'prioritising'
						? 'Seul le référent de votre commune peut répartir ses points.'
						: 'Le vote n’est pas ouvert : le groupe n’est pas en phase de priorisation.'
			});
		const form = await event.request.formData();
		const lines = new Map<string, BallotLine>();
		const echo: Record<string, string> = {};
		for (const [key, raw] of form) {
			const match = /^(points|quantity)_(.+)$/.exec(key);
			if (!match || typeof raw !== 'string') continue;
			echo[key] = raw;
			const value = raw.trim() === '' ? 0 : Number(raw.trim());
			const line = lines.get(match[2]) ?? { cardId: match[2], points: 0, quantity: 0 };
			line[match[1] as 'points' | 'quantity'] = value;
			lines.set(match[2], line);
		}
		const result = saveBallot(found.group.boardId!, [...lines.values()], user);
		if (!result.ok) {
			const field = result.cardId ? `points_${result.cardId}` : 'form';
			return invalid(
				400,
				{ [field]: result.message, ...(field === 'form' ? {} : { form: result.message }) },
				echo
			);
		}
		return {
			success: `Votre répartition est enregistrée : ${result.total} point${result.total > 1 ? 's' : ''} sur 100.`
		};
	}
};
