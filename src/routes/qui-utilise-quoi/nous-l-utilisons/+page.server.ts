import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { removeUsage, saveUsage } from '$lib/server/peers/declarations';
import { ourUsagesPage } from '$lib/server/peers/our-usages-page';
import { usageRemoveSchema, usageSchema } from '$lib/server/peers/usage-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const page = ourUsagesPage(requireUser(event));
	if (!page) error(403, "Seules les personnes d'une commune déclarent ce qu'elle utilise.");
	return page;
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const raw = await event.request.formData();
		const form = parseForm(usageSchema, raw);
		const action = String(raw.get('usageId') ?? '') ? `save-${raw.get('usageId')}` : 'save';
		if (!form.ok) return invalid(400, form.errors, form.fields, { action });
		const done = saveUsage(user, form.data);
		if (!done.ok) {
			// re-shown as typed: checkboxes as the '1' they send
			const { modules: _modules, contactAgents, contactReferents, ...typed } = form.data;
			const checked = (on: boolean) => (on ? '1' : null);
			return invalid(
				done.status,
				done.errors,
				{
					...typed,
					contactAgents: checked(contactAgents),
					contactReferents: checked(contactReferents)
				},
				{ action }
			);
		}
		return { success: done.message };
	},
	remove: async (event) => {
		const user = requireUser(event);
		const form = parseForm(usageRemoveSchema, await event.request.formData());
		if (!form.ok) return invalid(400, form.errors, form.fields, { action: 'remove' });
		const done = removeUsage(user, form.data.usageId);
		if (!done.ok) return invalid(done.status, done.errors, {}, { action: 'remove' });
		return { success: done.message };
	}
};
