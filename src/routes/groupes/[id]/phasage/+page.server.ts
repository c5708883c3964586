import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { groupForUser } from '$lib/server/boards/groups';
import {
	AssignForm,
	MoveWaveForm,
	PromoteForm,
	RenameWaveForm,
	WaveForm,
	WaveIdForm
} from '$lib/server/boards/phasing-form';
import { phasingPage } from '$lib/server/boards/phasing-page';
import { promoteNeeds } from '$lib/server/boards/promote';
import {
	assignToWave,
	createWave,
	deleteWave,
	moveWave,
	renameWave
} from '$lib/server/boards/waves';
import { brusselsToday, now } from '$lib/server/clock';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { group } = await event.parent();
	if (group.boardId == null) error(404, 'Ce groupe n’a pas de tableau.');
	const commune = Number(event.url.searchParams.get('commune'));
	return phasingPage({ id: group.id, boardId: group.boardId }, user, commune, brusselsToday());
};

/**
 * The group and its board, if `user` runs it (403 otherwise); `refused` when the group's phase
 * does not allow `action` yet, which the page explains as "too early" rather than as a lack of
 * rights.
 */
function manager(event: RequestEvent, action: 'group.planWaves' | 'group.promote') {
	const user = requireUser(event);
	const found = groupForUser(Number(event.params.id), user);
	if (!found.ok) error(found.status, 'Ce groupe de travail n’est pas accessible.');
	if (!can(user, 'group.manage', found.ref))
		error(403, 'Seule la centrale qui anime le groupe organise le phasage.');
	const { group } = found;
	if (group.boardId == null) error(404, 'Ce groupe n’a pas de tableau.');
	return {
		user,
		group: { ...group, boardId: group.boardId },
		refused: !can(user, action, found.ref)
	};
}

const TOO_EARLY = 'Les vagues se préparent pendant la phase de phasage.';

export const actions: Actions = {
	wave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY });
		const form = parseForm(WaveForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		createWave(group.boardId, form.data.year, user);
		return { success: 'Vague ajoutée.' };
	},
	renameWave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY }, {}, { action: 'renameWave' });
		const form = parseForm(RenameWaveForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'renameWave' });
		const done = renameWave(group.boardId, form.data.waveId, form.data.label, user);
		if (!done.ok) return invalid(400, { form: done.message }, {}, { action: 'renameWave' });
		return { success: `Vague renommée « ${form.data.label} ».` };
	},
	moveWave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY });
		const form = parseForm(MoveWaveForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const done = moveWave(group.boardId, form.data.waveId, form.data.step, user);
		if (!done.ok) return invalid(400, { form: done.message });
		return { success: 'Ordre des vagues enregistré.' };
	},
	deleteWave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY });
		const form = parseForm(WaveIdForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const done = deleteWave(group.boardId, form.data.waveId, user);
		if (!done.ok) return invalid(400, { form: done.message });
		return { success: 'Vague supprimée.' };
	},
	assign: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY });
		const form = parseForm(AssignForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		if (!assignToWave(group.boardId, form.data.cardId, form.data.waveId, user))
			return invalid(400, { form: 'Ce besoin ou cette vague n’appartient pas à ce tableau.' });
		return { success: 'Phasage enregistré.' };
	},
	promote: async (event) => {
		const { user, group, refused } = manager(event, 'group.promote');
		if (refused)
			return invalid(400, {
				form: 'Un marché se crée à partir du phasage, une fois les besoins classés.'
			});
		const form = parseForm(PromoteForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'promote' });
		const result = promoteNeeds(group, form.data, user, now());
		if (!result.ok)
			return invalid(
				400,
				{ cardIds: result.message },
				{ title: form.data.title },
				{ action: 'promote' }
			);
		redirect(303, `/catalogue/${encodeURIComponent(result.reference)}`);
	}
};
