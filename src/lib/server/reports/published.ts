/**
 * Published reports where people look for them: the contract page, a commune's page, the
 * buyer's relaunch, the API and the search. Every reader is served the newest published snapshot
 * (`report_publications.content`), never the authors' current draft; signed-in members read every
 * published report, visitors the public ones, under the commune's name only if it chose so.
 */
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { MODULE_LABELS } from '../../domain/catalogue/labels';
import { can, type Actor } from '../../domain/permissions';
import type { OrganisationKind } from '../../domain/roles';
import { overallRating } from '../../domain/reports/ratings';
import { summariseReports } from '../../domain/reports/reading';
import { reportExcerpt, type ReportContent } from '../../domain/reports/shape';
import { communeLabel } from '../../domain/reports/visibility';
import { getDb } from '../db/client';
import { contracts, lots, organisations, reports } from '../db/schema';
import { findActiveAdhesion } from '../catalogue/membership';
import { latestPublications } from './report-pages';

export interface PublishedReportFilter {
	reportId?: number;
	contractIds?: number[];
	organisationId?: number;
}

export interface PublishedReport {
	id: number;
	title: string;
	contract: { id: number; reference: string; title: string } | null;
	lot: { number: number; title: string } | null;
	modules: string[];
	solutionName: string | null;
	supplierName: string | null;
	/** null when the commune stays anonymous to this viewer */
	commune: { name: string; slug: string } | null;
	/** the commune's name, or where it is when anonymised (domain/reports/visibility.ts) */
	communeLabel: string;
	firstPublishedAt: Date;
	publishedAt: Date;
	/** the published snapshot */
	content: ReportContent;
	overallRating: number | null;
	excerpt: string;
}

/**
 * Published reports this viewer may read, newest publication first, with their published
 * snapshots. Filtering a visitor's list by commune keeps only the reports naming it: an
 * anonymised report listed under its commune would no longer be anonymous.
 */
export function listPublishedReports(
	viewer: Actor | null,
	filter: PublishedReportFilter = {},
	paging?: { limit: number; offset: number }
): { total: number; items: PublishedReport[] } {
	const signedIn = !!viewer;
	const where: SQL[] = [eq(reports.status, 'published')];
	// visibility decided in SQL so that totals and pages agree; re-checked per row below
	if (!signedIn) where.push(eq(reports.isPublic, true));
	if (filter.reportId !== undefined) where.push(eq(reports.id, filter.reportId));
	if (filter.contractIds) where.push(inArray(reports.contractId, filter.contractIds));
	if (filter.organisationId !== undefined) {
		where.push(eq(reports.organisationId, filter.organisationId));
		if (!signedIn) where.push(eq(reports.publicNamed, true));
	}
	const db = getDb();
	const total =
		db
			.select({ n: count() })
			.from(reports)
			.where(and(...where))
			.get()?.n ?? 0;
	let query = db
		.select({
			id: reports.id,
			title: reports.title,
			organisationId: reports.organisationId,
			contractCentraleId: contracts.centraleId,
			isPublic: reports.isPublic,
			publicNamed: reports.publicNamed,
			communeName: organisations.name,
			communeSlug: organisations.slug,
			arrondissement: organisations.arrondissement,
			province: organisations.province,
			contractId: contracts.id,
			contractReference: contracts.reference,
			contractTitle: contracts.title,
			lotNumber: lots.number,
			lotTitle: lots.title,
			modules: reports.modules,
			solutionName: reports.solutionName,
			supplierName: reports.supplierName,
			firstPublishedAt: reports.firstPublishedAt,
			publishedAt: reports.publishedAt
		})
		.from(reports)
		.innerJoin(organisations, eq(organisations.id, reports.organisationId))
		.leftJoin(contracts, eq(contracts.id, reports.contractId))
		.leftJoin(lots, eq(lots.id, reports.lotId))
		.where(and(...where))
		.orderBy(desc(reports.publishedAt), desc(reports.id))
		.$dynamic();
	if (paging) query = query.limit(paging.limit).offset(paging.offset);
	// can() decides, row by row: every member reads a published report, a visitor a public one
	const rows = query.all().filter((r) =>
		can(viewer, 'report.read', {
			organisationId: r.organisationId,
			status: 'published',
			coAuthorIds: [],
			contractCentraleId: r.contractCentraleId,
			isPublic: r.isPublic
		})
	);
	const snapshots = latestPublications(rows.map((r) => r.id));
	const items: PublishedReport[] = [];
	for (const r of rows) {
		const snapshot = snapshots.get(r.id);
		if (!snapshot) continue; // published with no snapshot: nothing a reader may be shown
		const label = communeLabel(
			{ name: r.communeName, arrondissement: r.arrondissement, province: r.province },
			{ member: signedIn, publicNamed: r.publicNamed }
		);
		const named = label === r.communeName;
		items.push({
			id: r.id,
			title: r.title,
			contract:
				r.contractId !== null && r.contractReference !== null && r.contractTitle !== null
					? { id: r.contractId, reference: r.contractReference, title: r.contractTitle }
					: null,
			lot:
				r.lotNumber !== null && r.lotTitle !== null
					? { number: r.lotNumber, title: r.lotTitle }
					: null,
			modules: r.modules.map((m) => MODULE_LABELS[m]),
			solutionName: r.solutionName,
			supplierName: r.supplierName,
			commune: named ? { name: r.communeName, slug: r.communeSlug } : null,
			// a card's headline: « Une commune de l'arrondissement d'Ath »
			communeLabel: label.charAt(0).toUpperCase() + label.slice(1),
			firstPublishedAt: r.firstPublishedAt ?? snapshot.publishedAt,
			publishedAt: snapshot.publishedAt,
			content: snapshot.content,
			overallRating: overallRating(snapshot.content.ratings),
			excerpt: reportExcerpt(snapshot.content, 240)
		});
	}
	return { total, items };
}

/** A report as a short card: where it comes from, its note, its excerpt. */
function card(r: PublishedReport) {
	return {
		id: r.id,
		communeLabel: r.communeLabel,
		communeSlug: r.commune?.slug ?? null,
		lot: r.lot,
		title: r.title,
		overallRating: r.overallRating,
		wouldRecommend: r.content.wouldRecommend,
		excerpt: r.excerpt,
		firstPublishedAt: r.firstPublishedAt,
		publishedAt: r.publishedAt
	};
}

export type ReportCard = ReturnType<typeof card>;

/** How many latest excerpts the contract page shows. */
export const LATEST_ON_CONTRACT = 3;

/**
 * The contract page's « Retours d'expérience »: what the published reports say together, the
 * latest ones, and the link to write one for a commune that adhered and may write.
 */
export function contractReports(
	contractId: number,
	viewer: (Actor & { organisationKind: OrganisationKind }) | null
) {
	const { items } = listPublishedReports(viewer, { contractIds: [contractId] });
	const mayWrite =
		!!viewer &&
		can(viewer, 'report.create', {
			organisationId: viewer.organisationId,
			kind: viewer.organisationKind
		}) &&
		!!findActiveAdhesion(contractId, viewer.organisationId);
	return {
		summary: summariseReports(items.map((r) => r.content)),
		latest: items.slice(0, LATEST_ON_CONTRACT).map(card),
		writeHref: mayWrite ? `/retours/nouveau?marche=${contractId}` : null,
		// the full list is a members' page
		listHref: viewer ? `/retours?marche=${contractId}` : null
	};
}

/** A commune's published reports, as its page in the Annuaire lists them. */
export function organisationReports(organisationId: number, viewer: Actor | null) {
	return listPublishedReports(viewer, { organisationId }).items.map((r) => ({
		...card(r),
		contractReference: r.contract?.reference ?? null,
		supplierName: r.supplierName
	}));
}

const PITFALLS_CHARS = 320;

function shorten(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * What the communes said about the contract a relaunch replaces (or, before relaunching, about
 * this one), lot by lot: ratings and pitfalls, so the new tender fixes them.
 */
export function relaunchReports(contractId: number, viewer: Actor) {
	const lotOrder = getDb()
		.select({ number: lots.number })
		.from(lots)
		.where(eq(lots.contractId, contractId))
		.orderBy(asc(lots.number))
		.all()
		.map((l) => l.number);
	return listPublishedReports(viewer, { contractIds: [contractId] })
		.items.map((r) => ({
			...card(r),
			ratings: r.content.ratings,
			pitfalls: shorten(r.content.pitfalls, PITFALLS_CHARS),
			lessons: shorten(r.content.lessons, PITFALLS_CHARS)
		}))
		.sort(
			(a, b) =>
				(a.lot ? lotOrder.indexOf(a.lot.number) : Infinity) -
					(b.lot ? lotOrder.indexOf(b.lot.number) : Infinity) ||
				b.publishedAt.getTime() - a.publishedAt.getTime()
		);
}
