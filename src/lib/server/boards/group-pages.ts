/**
 * What each tab of a working group shows besides the group and the rights its layout already
 * gives: one function per page, each called once by its route's load.
 */
import { RANKING_EXPLANATION, shuffledForVoter } from '../../domain/boards/ranking';
import type { Actor } from '../../domain/permissions';
import { boardDocAccess } from './doc-access';
import { listCandidateOrganisations, listMembers } from './groups';
import { feedToken, listMeetings } from './meetings';
import { contractsFedByBoard } from './promote';
import { ballotOf, listNeeds, rankBoard, votersCount, type BallotLine } from './votes';
import { now as clockNow } from '../clock';

type GroupOf = { id: number; visibility: 'open' | 'members' };

/** The group's front page: its meetings and the address of their calendar feed, if any. */
export function groupPage(group: GroupOf, holdsFeedSecret: boolean, now = clockNow().getTime()) {
	const feed = `/groupes/${group.id}/seances.ics`;
	return {
		meetings: listMeetings(group.id).map((m) => ({ ...m, startsAt: m.startsAt.getTime() })),
		// an open group's feed is public; a members-only one's carries the group's secret
		feed:
			group.visibility === 'open'
				? feed
				: holdsFeedSecret
					? `${feed}?jeton=${feedToken(group.id)}`
					: null,
		now
	};
}

/** The board tab: the document to join, and what the card editor needs around it. */
export function boardPage(
	group: { id: number; boardId: number },
	user: Actor & { name: string; organisationLabel: string }
) {
	const docName = `board:${group.boardId}`;
	return {
		docName,
		canWrite: boardDocAccess(user, docName) === 'write',
		fed: contractsFedByBoard(group.boardId),
		me: { id: user.id, name: user.name, organisation: user.organisationLabel },
		communes: memberCommunes(group.id)
	};
}

function memberCommunes(groupId: number) {
	return listMembers(groupId)
		.filter((m) => m.status === 'member')
		.map((m) => ({ id: m.organisationId, name: m.name }));
}

/** The list of needs, as the board's projection holds them, with the communes' names. */
export function needListPage(group: { id: number; boardId: number | null }) {
	const names = new Map(listMembers(group.id).map((m) => [m.organisationId, m.name]));
	const needs = group.boardId == null ? [] : listNeeds(group.boardId);
	return {
		needs: needs.map((n) => ({
			cardId: n.cardId,
			title: n.title,
			summary: n.summary,
			column: n.columnTitle,
			module: n.module,
			targetYear: n.targetYear,
			budgetCents: n.estimatedBudgetCents,
			communes: (JSON.parse(n.communes) as number[]).map((id) => names.get(id) ?? `#${id}`),
			requirements: {
				must: n.mustCount,
				should: n.shouldCount,
				could: n.couldCount,
				wont: n.wontCount
			},
			updatedAt: n.updatedAt.getTime()
		}))
	};
}

/** The members tab: members for all, and for those who run the group the requests and candidates. */
export function membersPage(groupId: number, manages: boolean) {
	const members = listMembers(groupId);
	return {
		members: members.filter((m) => m.status === 'member'),
		requests: manages ? members.filter((m) => m.status === 'requested') : [],
		candidates: manages ? listCandidateOrganisations(groupId) : []
	};
}

/**
 * The priorities tab: the ballot of the voter's commune, its needs in an order of the voter's own
 * (`seed`) so the first ones are not favoured, and the ranking for those allowed to see it.
 */
export function prioritiesPage(
	group: { boardId: number; phase: string },
	voter: { organisationId: number },
	rights: { vote: boolean; viewRanking: boolean },
	seed: string
) {
	const ballot = rights.vote
		? ballotOf(group.boardId, voter.organisationId)
		: new Map<string, BallotLine>();
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
	const ranking = rights.viewRanking ? rankBoard(group.boardId) : [];
	return {
		voting: group.phase === 'prioritising',
		showRanking: rights.viewRanking,
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
}
