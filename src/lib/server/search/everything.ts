/**
 * One search across the portal: contracts (the catalogue's full-text index), needs (the boards'
 * projection, only of groups the viewer may see), solutions in use (as « Qui utilise quoi ? »
 * shows them to the viewer), experience reports (the published version's title and excerpt; a
 * draft only to its authors) and rencontres. Accents and case never count; each result says what
 * kind of thing it is.
 */
import { and, eq, gte, inArray, like, or } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions';
import type { OrganisationKind } from '../../domain/roles';
import { matchesQuery, normalizeForSearch } from '../../domain/text';
import { groupRef, listGroups } from '../boards/groups';
import { rankedMatches, matchExpression } from '../catalogue/search-index';
import { now } from '../clock';
import { getDb } from '../db/client';
import { contracts, needs, organisations, peerEvents, reportAuthors, reports } from '../db/schema';
import { parseUsageFilters, whoUsesWhatPage } from '../peers/who-uses-what-page';
import { listPublishedReports } from '../reports/published';

export type ResultKind = 'contract' | 'need' | 'solution' | 'report' | 'event';

export interface SearchResult {
	kind: ResultKind;
	title: string;
	detail: string;
	href: string;
}

const PER_KIND = 10;

function contractResults(q: string): SearchResult[] {
	const match = matchExpression(q);
	if (!match) return [];
	const ids = rankedMatches(match).slice(0, PER_KIND);
	if (!ids.length) return [];
	const rows = getDb()
		.select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
		.from(contracts)
		.where(inArray(contracts.id, ids))
		.all();
	return ids
		.map((id) => rows.find((r) => r.id === id))
		.filter((r) => !!r)
		.map((r) => ({
			kind: 'contract' as const,
			title: r.title,
			detail: r.reference,
			href: `/catalogue/${r.reference}`
		}));
}

function needResults(q: string, viewer: Actor | null): SearchResult[] {
	if (!viewer) return [];
	const visible = listGroups(viewer.organisationId).filter(
		(g) => g.boardId != null && can(viewer, 'group.view', groupRef(g, g.memberStatus))
	);
	if (!visible.length) return [];
	const words = normalizeForSearch(q).split(' ').filter(Boolean);
	const rows = getDb()
		.select({ cardId: needs.cardId, boardId: needs.boardId, title: needs.title })
		.from(needs)
		.where(
			and(
				inArray(
					needs.boardId,
					visible.map((g) => g.boardId!)
				),
				...words.map((w) => like(needs.searchTitle, `%${w.replace(/[%_]/g, '')}%`))
			)
		)
		.limit(PER_KIND)
		.all();
	return rows.map((r) => {
		const group = visible.find((g) => g.boardId === r.boardId)!;
		return {
			kind: 'need' as const,
			title: r.title,
			detail: group.title,
			href: `/groupes/${group.id}/liste`
		};
	});
}

function solutionResults(
	q: string,
	viewer: (Actor & { organisationKind: OrganisationKind }) | null
): SearchResult[] {
	const params = new URLSearchParams({ q });
	return whoUsesWhatPage(parseUsageFilters(params), viewer)
		.solutions.slice(0, PER_KIND)
		.map((s) => ({
			kind: 'solution' as const,
			title: s.name,
			detail: s.users.map((u) => u.name).join(', '),
			href: `/qui-utilise-quoi?q=${encodeURIComponent(q)}`
		}));
}

/** Published reports as their readers see them: the snapshot's excerpt, the commune as shown. */
function publishedReportResults(q: string, viewer: Actor | null): SearchResult[] {
	return listPublishedReports(viewer)
		.items.filter((r) =>
			matchesQuery(normalizeForSearch(`${r.title} ${r.excerpt} ${r.communeLabel}`), q)
		)
		.slice(0, PER_KIND)
		.map((r) => ({
			kind: 'report' as const,
			title: r.title,
			detail: r.communeLabel,
			href: `/retours/${r.id}`
		}));
}

/** Drafts, to their authors only (their commune's people and invited co-authors). */
function draftReportResults(q: string, viewer: Actor | null): SearchResult[] {
	if (!viewer) return [];
	const db = getDb();
	const coAuthored = db
		.select({ id: reportAuthors.reportId })
		.from(reportAuthors)
		.where(eq(reportAuthors.userId, viewer.id))
		.all()
		.map((r) => r.id);
	return db
		.select({
			id: reports.id,
			title: reports.title,
			excerpt: reports.excerpt,
			organisationId: reports.organisationId,
			communeName: organisations.name
		})
		.from(reports)
		.innerJoin(organisations, eq(organisations.id, reports.organisationId))
		.where(
			and(
				eq(reports.status, 'draft'),
				or(eq(reports.organisationId, viewer.organisationId), inArray(reports.id, coAuthored))
			)
		)
		.all()
		.filter((r) =>
			can(viewer, 'report.edit', {
				organisationId: r.organisationId,
				status: 'draft',
				coAuthorIds: coAuthored.includes(r.id) ? [viewer.id] : [],
				contractCentraleId: null
			})
		)
		.filter((r) => matchesQuery(normalizeForSearch(`${r.title} ${r.excerpt}`), q))
		.slice(0, PER_KIND)
		.map((r) => ({
			kind: 'report' as const,
			title: r.title,
			detail: `brouillon · ${r.communeName}`,
			href: `/retours/${r.id}`
		}));
}

function eventResults(q: string): SearchResult[] {
	const since = new Date(now().getTime() - 365 * 86_400_000);
	return getDb()
		.select({ id: peerEvents.id, title: peerEvents.title, topic: peerEvents.topic })
		.from(peerEvents)
		.where(gte(peerEvents.startsAt, since))
		.all()
		.filter((e) => matchesQuery(normalizeForSearch(`${e.title} ${e.topic}`), q))
		.slice(0, PER_KIND)
		.map((e) => ({
			kind: 'event' as const,
			title: e.title,
			detail: '',
			href: `/rencontres/${e.id}`
		}));
}

export function searchEverything(
	query: string,
	viewer: (Actor & { organisationKind: OrganisationKind }) | null
) {
	const q = query.trim().slice(0, 200);
	if (!normalizeForSearch(q)) return { q, results: [] as SearchResult[] };
	return {
		q,
		results: [
			...contractResults(q),
			...needResults(q, viewer),
			...solutionResults(q, viewer),
			...draftReportResults(q, viewer),
			...publishedReportResults(q, viewer),
			...eventResults(q)
		]
	};
}
