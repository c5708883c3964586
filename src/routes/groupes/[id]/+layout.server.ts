import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { groupForUser } from '$lib/server/boards/groups';
import { followState } from '$lib/server/relay/follows';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const user = requireUser(event);
	const found = groupForUser(Number(event.params.id), user);
	if (!found.ok)
		error(
			found.status,
			found.status === 404
				? 'Ce groupe de travail n’existe pas.'
				: 'Ce groupe est réservé à ses membres.'
		);
	const { group, ref } = found;
	return {
		group: {
			id: group.id,
			title: group.title,
			theme: group.theme,
			description: group.description,
			visibility: group.visibility,
			phase: group.phase,
			centraleName: group.centraleName,
			boardId: group.boardId,
			memberStatus: group.memberStatus,
			memberCount: group.memberCount,
			agentsMayVote: group.agentsMayVote,
			dates: {
				collecting: group.collectingFrom,
				prioritising: group.prioritisingFrom,
				phasing: group.phasingFrom,
				closed: group.closesOn
			}
		},
		follow: followState(user, 'group', group.id, 'ce groupe'),
		rights: {
			manage: can(user, 'group.manage', ref),
			requestJoin: can(user, 'group.requestJoin', ref),
			vote: can(user, 'group.vote', ref),
			viewRanking: can(user, 'group.viewRanking', ref),
			planWaves: can(user, 'group.planWaves', ref),
			promote: can(user, 'group.promote', ref),
			readFeedToken: can(user, 'group.readFeedToken', ref),
			rotateFeed: can(user, 'group.rotateFeed', ref)
		}
	};
};
