import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { groupForUser } from '$lib/server/boards/groups';
import { prioritiesPage } from '$lib/server/boards/group-pages';
import { parseBallot } from '$lib/server/boards/ballot-form';
import { saveBallot } from '$lib/server/boards/votes';
import { invalid } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { group, rights } = await event.parent();
	if (group.boardId == null) error(404, 'Ce groupe n’a pas de tableau.');
	// one order per voter and board, stable across their visits
	const seed = `${event.locals.session?.id ?? user.id}:${group.boardId}`;
	return prioritiesPage({ boardId: group.boardId, phase: group.phase }, user, rights, seed);
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
		const { lines, echo } = parseBallot(await event.request.formData());
		const result = saveBallot(found.group.boardId!, lines, user);
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
