import { error } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import {
	kindOfSlug,
	samplePreview,
	saveTemplateVersion,
	templateEditorPage
} from '$lib/server/plan/template-editor';
import { templateSchema } from '$lib/server/plan/template-form';
import { templateProblem } from '$lib/domain/plan/templates';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function authorise(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const user = requireUser(event);
	// a buyer edits their own centrale's templates
	const centraleId = user.organisationId;
	ensure(can(user, 'planTemplate.edit', { centraleId }));
	const kind = kindOfSlug(event.params.kind);
	if (!kind) error(404, 'Ce modèle de document n’existe pas.');
	return { user, kind, centraleId };
}

export const load: PageServerLoad = (event) => {
	const { user, kind, centraleId } = authorise(event);
	const raw = event.url.searchParams.get('version');
	const version = raw === null ? null : Number(raw);
	const page =
		version === null || Number.isInteger(version)
			? templateEditorPage(kind, version, centraleId)
			: null;
	if (!page) error(404, 'Cette version du modèle n’existe pas.');
	return { centraleName: user.organisationName, ...page };
};

export const actions: Actions = {
	enregistrer: async (event) => {
		const { user, kind, centraleId } = authorise(event);
		const parsed = parseForm(templateSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const saved = saveTemplateVersion(kind, parsed.data.body, user.id, centraleId);
		if (!saved.ok) return invalid(400, { body: saved.message }, parsed.data);
		return { ok: true as const, message: `Version ${saved.version} enregistrée.` };
	},
	apercu: async (event) => {
		authorise(event);
		const parsed = parseForm(templateSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields);
		const problem = templateProblem(parsed.data.body);
		if (problem) return invalid(400, { body: problem }, parsed.data);
		return { preview: samplePreview(parsed.data.body), body: parsed.data.body };
	}
};
