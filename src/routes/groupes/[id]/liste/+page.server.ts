import { listMembers } from '$lib/server/boards/groups';
import { listNeeds } from '$lib/server/boards/votes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { group } = await event.parent();
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
};
