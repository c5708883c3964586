/**
 * The back office of document templates: a centrale's buyers read every version of their
 * centrale's template of a kind, preview one with a sample commune, and save a new version (never
 * an edit: generated documents keep pointing at the version they were made with). A centrale
 * without a version of its own uses the default text (version 0 in its list).
 */
import { and, desc, eq } from 'drizzle-orm';
import { DOCUMENT_KINDS, DOCUMENT_LABELS, type DocumentKind } from '../../domain/plan/documents';
import {
	PLACEHOLDERS,
	SAMPLE_VALUES,
	fillTemplate,
	templateProblem
} from '../../domain/plan/templates';
import { getDb } from '../db/client';
import { planTemplates, users } from '../db/schema';
import { currentTemplate, defaultTemplate, DOCUMENT_SLUGS } from './documents';
import { renderHtml } from './docx';

export function kindOfSlug(slug: string): DocumentKind | null {
	return DOCUMENT_KINDS.find((k) => DOCUMENT_SLUGS[k] === slug) ?? null;
}

const ownVersion = (kind: DocumentKind, centraleId: number) =>
	and(eq(planTemplates.kind, kind), eq(planTemplates.centraleId, centraleId));

/** The kinds with the centrale's current version (0: it uses the default text), for the list. */
export function templateListPage(centraleId: number) {
	return {
		templates: DOCUMENT_KINDS.map((kind) => {
			const current = currentTemplate(kind, centraleId);
			const own =
				getDb()
					.select({ id: planTemplates.id })
					.from(planTemplates)
					.where(ownVersion(kind, centraleId))
					.get() !== undefined;
			return {
				slug: DOCUMENT_SLUGS[kind],
				label: DOCUMENT_LABELS[kind],
				version: own ? current.version : 0
			};
		})
	};
}

/** The text filled with the sample commune, as the printable HTML a commune would see (its
 * headings under the editor's « Aperçu » heading). */
export function samplePreview(body: string): string {
	return renderHtml(fillTemplate(body, SAMPLE_VALUES), 3);
}

/**
 * A kind's editor for one centrale: its own versions (latest first), then version 0, the default
 * text it falls back to; the one being read (the latest unless `version` names an older one) and
 * its preview. Null for an unknown version.
 */
export function templateEditorPage(kind: DocumentKind, version: number | null, centraleId: number) {
	const rows = getDb()
		.select({
			id: planTemplates.id,
			version: planTemplates.version,
			createdAt: planTemplates.createdAt,
			author: users.name
		})
		.from(planTemplates)
		.leftJoin(users, eq(users.id, planTemplates.createdBy))
		.where(ownVersion(kind, centraleId))
		.orderBy(desc(planTemplates.version))
		.all();
	const versions = [
		...rows.map((r) => ({ version: r.version, createdAt: r.createdAt, author: r.author })),
		{ version: 0, createdAt: null, author: null }
	];
	const latest = versions[0].version;
	const wanted = version ?? latest;
	let body: string;
	if (wanted === 0) body = defaultTemplate(kind).body;
	else {
		const row = getDb()
			.select({ body: planTemplates.body })
			.from(planTemplates)
			.where(and(ownVersion(kind, centraleId), eq(planTemplates.version, wanted)))
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

/** Saves a new version of the centrale's template after checking its placeholders; nothing is written when refused. */
export function saveTemplateVersion(
	kind: DocumentKind,
	body: string,
	actorId: number,
	centraleId: number
): SaveOutcome {
	const problem = templateProblem(body);
	if (problem) return { ok: false, message: problem };
	return getDb().transaction((tx) => {
		const last = tx
			.select({ version: planTemplates.version })
			.from(planTemplates)
			.where(ownVersion(kind, centraleId))
			.orderBy(desc(planTemplates.version))
			.get();
		const version = (last?.version ?? 0) + 1;
		tx.insert(planTemplates).values({ centraleId, kind, version, body, createdBy: actorId }).run();
		return { ok: true as const, version };
	});
}
