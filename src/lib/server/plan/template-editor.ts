/**
 * The back office of document templates: buyers read every version of a kind's template, preview
 * one with a sample commune, and save a new version (never an edit: generated documents keep
 * pointing at the version they were made with).
 */
import { and, desc, eq } from 'drizzle-orm';
import { DOCUMENT_KINDS, DOCUMENT_LABELS, type DocumentKind } from '../../domain/plan/documents';
import {
	BUILT_IN_TEMPLATES,
	PLACEHOLDERS,
	SAMPLE_VALUES,
	fillTemplate,
	templateProblem
} from '../../domain/plan/templates';
import { getDb } from '../db/client';
import { planTemplates, users } from '../db/schema';
import { currentTemplate, DOCUMENT_SLUGS } from './documents';
import { renderHtml } from './docx';

export function kindOfSlug(slug: string): DocumentKind | null {
	return DOCUMENT_KINDS.find((k) => DOCUMENT_SLUGS[k] === slug) ?? null;
}

/** The kinds with their current version, for the list page. */
export function templateListPage() {
	return {
		templates: DOCUMENT_KINDS.map((kind) => ({
			slug: DOCUMENT_SLUGS[kind],
			label: DOCUMENT_LABELS[kind],
			version: currentTemplate(kind).version
		}))
	};
}

/** The text filled with the sample commune, as the printable HTML a commune would see (its
 * headings under the editor's « Aperçu » heading). */
export function samplePreview(body: string): string {
	return renderHtml(fillTemplate(body, SAMPLE_VALUES), 3);
}

/**
 * A kind's editor: its versions (latest first, version 0 the built-in text), the one being read
 * (the latest unless `version` names an older one) and its preview. Null for an unknown version.
 */
export function templateEditorPage(kind: DocumentKind, version: number | null) {
	const rows = getDb()
		.select({
			id: planTemplates.id,
			version: planTemplates.version,
			createdAt: planTemplates.createdAt,
			author: users.name
		})
		.from(planTemplates)
		.leftJoin(users, eq(users.id, planTemplates.createdBy))
		.where(eq(planTemplates.kind, kind))
		.orderBy(desc(planTemplates.version))
		.all();
	const versions = [
		...rows.map((r) => ({ version: r.version, createdAt: r.createdAt, author: r.author })),
		{ version: 0, createdAt: null, author: null }
	];
	const latest = versions[0].version;
	const wanted = version ?? latest;
	let body: string;
	if (wanted === 0) body = BUILT_IN_TEMPLATES[kind];
	else {
		const row = getDb()
			.select({ body: planTemplates.body })
			.from(planTemplates)
			.where(and(eq(planTemplates.kind, kind), eq(planTemplates.version, wanted)))
			.get();
		if (!row) return null;
		body = row.body;
	}
	return {
		slug: DOCUMENT_SLUGS[kind],
		label: DOCUMENT_LABELS[kind],
		versions,
		latest,
		shown: { version: wanted, body, preview: samplePreview(body) },
		placeholders: Object.entries(PLACEHOLDERS).map(([name, meaning]) => ({ name, meaning }))
	};
}

export type SaveOutcome = { ok: true; version: number } | { ok: false; message: string };

/** Saves a new version after checking its placeholders; nothing is written when refused. */
export function saveTemplateVersion(
	kind: DocumentKind,
	body: string,
	actorId: number
): SaveOutcome {
	const problem = templateProblem(body);
	if (problem) return { ok: false, message: problem };
	return getDb().transaction((tx) => {
		const last = tx
			.select({ version: planTemplates.version })
			.from(planTemplates)
			.where(eq(planTemplates.kind, kind))
			.orderBy(desc(planTemplates.version))
			.get();
		const version = (last?.version ?? 0) + 1;
		tx.insert(planTemplates).values({ kind, version, body, createdBy: actorId }).run();
		return { ok: true as const, version };
	});
}
