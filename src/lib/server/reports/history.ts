/**
 * A report's history as its pages show it: the versions of the draft (authors only), the
 * publications (everyone who reads the report), one version as it stood, the difference between
 * two versions in plain words, and who wrote which passage. Draft versions are rebuilt from the
 * Automerge document (`A.view` at a version's heads); publications are served from their frozen
 * snapshot in SQL, never from history.
 */
import * as A from '@automerge/automerge';
import { asc, eq, inArray } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions';
import { attribute, shares, type AttributedRun } from '../../domain/reports/attribution';
import { describeChange, diffReports, diffText, type TextPiece } from '../../domain/reports/diff';
import { tightenPieces } from '../../domain/reports/diff-display';
import {
	readReport,
	TEXT_FIELDS,
	TEXT_FIELD_LABELS,
	type ReportContent
} from '../../domain/reports/shape';
import { versionKey, type VersionKey } from '../../domain/reports/version-keys';
import {
	historyToVersions,
	versionAt,
	type HistoryChange,
	type ReportVersion
} from '../../domain/reports/versions';
import { loadAutomergeDoc } from '../collab/automerge-documents';
import { getDb } from '../db/client';
import { reportPublications, reports, users } from '../db/schema';
import { reportActorUsers } from './actors';
import { reportDocName, reportRef } from './doc-access';

/** what changes made by the server (creation, demo data) are signed with */
export const SERVER_AUTHOR = 'Centrale';

/** A loaded document with its history in versions; free `doc` after use. */
function loadHistory(reportId: number) {
	const loaded = loadAutomergeDoc<unknown>(reportDocName(reportId));
	if (!loaded) return null;
	const actors = reportActorUsers(reportId);
	// the changes' metadata only, in causal order: ten times cheaper than decoding every change
	// (2,000 changes: ~25 ms against ~230 ms for getAllChanges + decodeChange)
	const history: HistoryChange[] = A.getChangesMetaSince(loaded.doc, []).map((change) => ({
		hash: change.hash,
		deps: change.deps,
		actor: change.actor,
		// Automerge records seconds
		time: change.time * 1000,
		userId: actors.get(change.actor) ?? null
	}));
	return { doc: loaded.doc, versions: historyToVersions(history) };
}

function contentAt(doc: A.Doc<unknown>, heads: string[]): ReportContent {
	return readReport(A.toJS(A.view(doc, heads)));
}

function userNames(ids: (number | null)[]): Map<number, string> {
	const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
	if (!wanted.length) return new Map();
	const rows = getDb()
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(inArray(users.id, wanted))
		.all();
	return new Map(rows.map((r) => [r.id, r.name]));
}

const nameOf = (names: Map<number, string>, id: number | null) =>
	id === null ? SERVER_AUTHOR : (names.get(id) ?? 'Personne retirée du portail');

function publications(reportId: number) {
	return getDb()
		.select({
			heads: reportPublications.heads,
			content: reportPublications.content,
			publishedAt: reportPublications.publishedAt
		})
		.from(reportPublications)
		.where(eq(reportPublications.reportId, reportId))
		.orderBy(asc(reportPublications.publishedAt), asc(reportPublications.id))
		.all()
		.map((p, i) => ({
			number: i + 1,
			heads: p.heads,
			content: readReport(p.content),
			publishedAt: p.publishedAt,
			// the first publication is « publié le », each later one « mis à jour le »
			label: i === 0 ? 'Publié le' : 'Mis à jour le'
		}));
}

/** The report and what the viewer may see of its history; null when it may not read it. */
function access(viewer: Actor, reportId: number) {
	const ref = reportRef(reportId);
	if (!ref || !can(viewer, 'report.read', ref)) return null;
	const row = getDb()
		.select({ id: reports.id, title: reports.title, status: reports.status })
		.from(reports)
		.where(eq(reports.id, reportId))
		.get();
	if (!row) return null;
	// authors see every version of their draft; readers only what was published
	return { report: row, isAuthor: can(viewer, 'report.edit', ref) };
}

/** One entry of the version list (and of the diff's selects). */
export interface VersionChoice {
	key: string;
	label: string;
}

function draftChoices(versions: ReportVersion[], names: Map<number, string>): VersionChoice[] {
	return versions.map((v) => ({
		key: versionKey({ kind: 'draft', number: v.number }),
		label: `Version ${v.number} — ${nameOf(names, v.userId)}`
	}));
}

function publishedChoices(pubs: ReturnType<typeof publications>): VersionChoice[] {
	return pubs.map((p) => ({
		key: versionKey({ kind: 'published', number: p.number }),
		label: `Publication ${p.number}`
	}));
}

/** The versions page: publications for everyone; draft versions and attribution for authors. */
export function reportVersionsPage(viewer: Actor, reportId: number) {
	const seen = access(viewer, reportId);
	if (!seen) return null;
	const pubs = publications(reportId);
	if (!seen.isAuthor) {
		return {
			...seen,
			versions: [],
			publications: pubs.map(({ number, publishedAt, label }) => ({
				number,
				publishedAt,
				label,
				version: null as number | null
			})),
			choices: publishedChoices(pubs),
			attribution: []
		};
	}
	const history = loadHistory(reportId);
	if (!history) return null;
	const { doc, versions } = history;
	const names = userNames(versions.map((v) => v.userId));
	const contents = versions.map((v) => ({ userId: v.userId, content: contentAt(doc, v.heads) }));
	A.free(doc);
	const attributed = attribute(contents);
	// one colour per author, in the order they first appear (the name is always written too)
	const colours = new Map<number | null, number>();
	const colourOf = (userId: number | null) => {
		if (!colours.has(userId)) colours.set(userId, colours.size % 4);
		return colours.get(userId)!;
	};
	const attribution = TEXT_FIELDS.filter((f) => attributed[f].length).map((field) => ({
		field,
		label: TEXT_FIELD_LABELS[field],
		runs: attributed[field].map((run: AttributedRun) => ({
			text: run.text,
			colour: colourOf(run.userId),
			author: nameOf(names, run.userId)
		})),
		shares: shares(attributed[field]).map((s) => ({ ...s, author: nameOf(names, s.userId) }))
	}));
	return {
		...seen,
		versions: versions
			.map((v) => ({
				number: v.number,
				author: nameOf(names, v.userId),
				from: new Date(v.from),
				to: new Date(v.to),
				changeCount: v.changeCount
			}))
			.reverse(),
		publications: pubs.map(({ number, publishedAt, label, heads }) => ({
			number,
			publishedAt,
			label,
			version: versionAt(versions, heads)?.number ?? null
		})),
		choices: [...draftChoices(versions, names), ...publishedChoices(pubs)],
		attribution
	};
}

/** What one version is: its content and how the page names it. */
interface ResolvedVersion {
	key: string;
	title: string;
	content: ReportContent;
}

/**
 * Resolves version keys for the viewer: authors any, readers publications only. null for a
 * key the viewer may not see or that does not exist.
 */
function resolve(viewer: Actor, reportId: number, keys: VersionKey[]) {
	const seen = access(viewer, reportId);
	if (!seen) return null;
	if (!seen.isAuthor && keys.some((k) => k.kind === 'draft')) return null;
	const pubs = publications(reportId);
	const history = seen.isAuthor ? loadHistory(reportId) : null;
	const names = history ? userNames(history.versions.map((v) => v.userId)) : new Map();
	try {
		const resolved: ResolvedVersion[] = [];
		for (const key of keys) {
			if (key.kind === 'published') {
				const p = pubs[key.number - 1];
				if (!p) return null;
				resolved.push({
					key: versionKey(key),
					title: `Publication ${p.number}`,
					content: p.content
				});
			} else {
				const v = history?.versions[key.number - 1];
				if (!history || !v) return null;
				resolved.push({
					key: versionKey(key),
					title: `Version ${v.number} — ${nameOf(names, v.userId)}`,
					content: contentAt(history.doc, v.heads)
				});
			}
		}
		const choices = [
			...(history ? draftChoices(history.versions, names) : []),
			...publishedChoices(pubs)
		];
		return { ...seen, resolved, choices, publications: pubs };
	} finally {
		if (history) A.free(history.doc);
	}
}

/** One version as it stood; null when the viewer may not see it or it does not exist. */
export function reportVersionPage(viewer: Actor, reportId: number, key: VersionKey) {
	const found = resolve(viewer, reportId, [key]);
	if (!found) return null;
	const [version] = found.resolved;
	const publication = key.kind === 'published' ? found.publications[key.number - 1] : undefined;
	return {
		report: found.report,
		isAuthor: found.isAuthor,
		version: {
			key: version.key,
			title: version.title,
			content: version.content,
			publishedAt: publication?.publishedAt ?? null,
			publishedLabel: publication?.label ?? null
		},
		choices: found.choices
	};
}

export interface FieldDiff {
	field: string;
	label: string;
	pieces: TextPiece[];
}

/** The difference between two versions; null when either is not the viewer's to see. */
export function reportDiffPage(viewer: Actor, reportId: number, from: VersionKey, to: VersionKey) {
	const found = resolve(viewer, reportId, [from, to]);
	if (!found) return null;
	const [before, after] = found.resolved;
	const fields: FieldDiff[] = TEXT_FIELDS.filter((f) => before.content[f] !== after.content[f]).map(
		(field) => ({
			field,
			label: TEXT_FIELD_LABELS[field],
			pieces: tightenPieces(diffText(before.content[field], after.content[field]))
		})
	);
	const others = diffReports(before.content, after.content)
		.filter((c) => c.kind === 'rating' || c.kind === 'recommend')
		.map(describeChange);
	return {
		report: found.report,
		isAuthor: found.isAuthor,
		from: { key: before.key, title: before.title },
		to: { key: after.key, title: after.title },
		fields,
		others,
		choices: found.choices
	};
}
