import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { createGroup } from '$lib/server/boards/groups';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	ensure(can(user, 'group.create'));
	return {};
};

const optionalDate = z
	.string()
	.trim()
	.refine(
		(v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v),
		'Indiquez une date, par exemple 2027-01-15.'
	)
	.transform((v) => v || null);

const GroupForm = z
	.object({
		title: fields.requiredText('le titre du groupe', 120),
		theme: fields.requiredText('la thématique', 80),
		description: z
			.string()
			.trim()
			.max(2000, 'La description ne peut pas dépasser 2000 caractères.'),
		visibility: z.enum(['open', 'members'], { error: 'Choisissez qui peut voir le groupe.' }),
		collectingFrom: optionalDate,
		prioritisingFrom: optionalDate,
		phasingFrom: optionalDate,
		closesOn: optionalDate,
		agentsMayVote: z
			.string()
			.optional()
			.transform((v) => v === 'on')
	})
	.superRefine((g, ctx) => {
		const dates = [g.collectingFrom, g.prioritisingFrom, g.phasingFrom, g.closesOn];
		const keys = ['collectingFrom', 'prioritisingFrom', 'phasingFrom', 'closesOn'];
		let last: string | null = null;
		dates.forEach((d, i) => {
			if (!d) return;
			if (last && d < last)
				ctx.addIssue({
					code: 'custom',
					path: [keys[i]],
					message: 'Les phases doivent se suivre dans le temps.'
				});
			last = d;
		});
	});

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		ensure(can(user, 'group.create'));
		const form = parseForm(GroupForm, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields);
		const id = createGroup(form.data, user);
		redirect(303, `/groupes/${id}`);
	}
};
