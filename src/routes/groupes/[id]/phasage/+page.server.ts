import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { nextVehicle, periodsForYear } from '$lib/domain/budget-calendar';
import { PROCEDURES, THEMES } from '$lib/domain/catalogue/labels';
import { can } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/auth/guard';
import { BUYING_KINDS, type OrganisationKind } from '$lib/domain/roles';
import { budgetCalendarFor } from '$lib/server/budget-calendars';
import { groupForUser, listMembers } from '$lib/server/boards/groups';
import { contractsFedByBoard, promoteNeeds } from '$lib/server/boards/promote';
import { rankBoard } from '$lib/server/boards/votes';
import {
	assignToWave,
	createWave,
	deleteWave,
	listWaves,
	moveWave,
	renameWave
} from '$lib/server/boards/waves';
import { brusselsToday } from '$lib/server/catalogue/today';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * Whose budget calendar the timeline shows: the user's own authority when it votes a budget;
 * for buyers and admins, the member authority they pick (`?commune=`), or the defaults.
 */
function calendarOwner(event: Parameters<PageServerLoad>[0], groupId: number) {
	const user = requireUser(event);
	const members = listMembers(groupId)
		.filter((m) => m.status === 'member' && BUYING_KINDS.includes(m.kind as OrganisationKind))
		.map((m) => ({ id: m.organisationId, name: m.name }));
	if (BUYING_KINDS.includes(user.organisationKind))
		return { owner: { id: user.organisationId, name: user.organisationName }, choices: [] };
	const asked = Number(event.url.searchParams.get('commune'));
	return { owner: members.find((m) => m.id === asked) ?? null, choices: members };
}

export const load: PageServerLoad = async (event) => {
	const { group, rights } = await event.parent();
	if (group.boardId == null) error(404, 'Ce groupe n’a pas de tableau.');
	const { owner, choices } = calendarOwner(event, group.id);
	const today = brusselsToday();
	const ranking = rankBoard(group.boardId);
	const waves = listWaves(group.boardId);
	const years = [...new Set(waves.map((w) => w.year))].sort();
	return {
		today,
		ranking: ranking.map((r) => ({
			cardId: r.cardId,
			title: r.title,
			rank: r.rank,
			score: r.score,
			targetYear: r.need.targetYear,
			budgetCents: r.need.estimatedBudgetCents,
			interests: r.interests.length
		})),
		waves,
		calendarOwner: owner,
		calendarChoices: choices,
		calendar: years.map((year) => {
			const own = owner ? budgetCalendarFor(owner.id, year) : null;
			return {
				year,
				own: own != null,
				periods: periodsForYear(year, undefined, own),
				next: nextVehicle(today, year, undefined, own)
			};
		}),
		fed: contractsFedByBoard(group.boardId),
		canPlan: rights.planWaves,
		canPromote: rights.promote,
		themes: Object.entries(THEMES).map(([value, label]) => ({ value, label })),
		procedures: Object.entries(PROCEDURES).map(([value, label]) => ({ value, label }))
	};
};

/**
 * The group, if `user` runs it (403 otherwise); `refused` when its phase does not allow `action`,
 * which the page explains as "too early" rather than as a lack of rights.
 */
function manager(event: RequestEvent, action: 'group.planWaves' | 'group.promote') {
	const user = requireUser(event);
	const found = groupForUser(Number(event.params.id), user);
	if (!found.ok) error(found.status, 'Ce groupe de travail n’est pas accessible.');
	if (!can(user, 'group.manage', found.ref))
		error(403, 'Seule la centrale qui anime le groupe organise le phasage.');
	return { user, group: found.group, refused: !can(user, action, found.ref) };
}

const WaveForm = z.object({
	year: z.coerce
		.number({ error: 'Indiquez une année.' })
		.int('Indiquez une année.')
		.min(2024, 'Indiquez une année à partir de 2024.')
		.max(2100, 'Indiquez une année avant 2100.')
});
const AssignForm = z.object({
	cardId: z.string().min(1, 'Besoin inconnu.'),
	waveId: z
		.string()
		.transform((v) => (v === '' ? null : Number(v)))
		.pipe(z.number().int().positive().nullable())
});
const WaveId = z.object({ waveId: fields.id });
const RenameWaveForm = WaveId.extend({
	label: fields.requiredText('le nom de la vague', 80)
});
const MoveWaveForm = WaveId.extend({
	step: z.enum(['-1', '1'], { error: 'Sens inconnu.' }).transform((v) => (v === '1' ? 1 : -1))
});
const TOO_EARLY = 'Les vagues se préparent pendant la phase de phasage.';

const PromoteForm = z.object({
	title: fields.requiredText('l’intitulé du marché', 200),
	theme: z.enum(Object.keys(THEMES) as [string, ...string[]], {
		error: 'Choisissez une thématique.'
	}),
	procedure: z.enum(Object.keys(PROCEDURES) as [string, ...string[]], {
		error: 'Choisissez une procédure.'
	}),
	cardIds: z
		.union([z.string(), z.array(z.string())], { error: 'Choisissez au moins un besoin.' })
		.transform((v) => (Array.isArray(v) ? v : [v]))
});

export const actions: Actions = {
	wave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused)
			return invalid(400, { form: 'Les vagues se préparent pendant la phase de phasage.' });
		const form = parseForm(WaveForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		createWave(group.boardId!, form.data.year, user);
		return { success: 'Vague ajoutée.' };
	},
	renameWave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY }, {}, { action: 'renameWave' });
		const form = parseForm(RenameWaveForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'renameWave' });
		const done = renameWave(group.boardId!, form.data.waveId, form.data.label, user);
		if (!done.ok) return invalid(400, { form: done.message }, {}, { action: 'renameWave' });
		return { success: `Vague renommée « ${form.data.label} ».` };
	},
	moveWave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY });
		const form = parseForm(MoveWaveForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const done = moveWave(group.boardId!, form.data.waveId, form.data.step, user);
		if (!done.ok) return invalid(400, { form: done.message });
		return { success: 'Ordre des vagues enregistré.' };
	},
	deleteWave: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused) return invalid(400, { form: TOO_EARLY });
		const form = parseForm(WaveId, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const done = deleteWave(group.boardId!, form.data.waveId, user);
		if (!done.ok) return invalid(400, { form: done.message });
		return { success: 'Vague supprimée.' };
	},
	assign: async (event) => {
		const { user, group, refused } = manager(event, 'group.planWaves');
		if (refused)
			return invalid(400, { form: 'Les vagues se préparent pendant la phase de phasage.' });
		const form = parseForm(AssignForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		if (!assignToWave(group.boardId!, form.data.cardId, form.data.waveId, user))
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
		const result = promoteNeeds({ ...group, boardId: group.boardId! }, form.data, user);
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
