/**
 * GET /api/v1/reports and /api/v1/reports/{id}: published experience reports as open data. An
 * anonymous caller gets the public ones, the commune anonymised unless it chose to be named; a
 * signed-in member every published one. The content is always the published snapshot (never the
 * draft the authors keep editing), and no person is named: no author, no address.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/permissions';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { contracts, organisations } from '../db/schema';
import { links, paging } from '../peers/api';
import { listPublishedReports, type PublishedReport } from './published';

function publicReport(r: PublishedReport) {
	return {
		id: r.id,
		url: publicUrl(`/retours/${r.id}`),
		title: r.title,
		contract: r.contract && {
			reference: r.contract.reference,
			title: r.contract.title,
			url: publicUrl(`/catalogue/${r.contract.reference}`)
		},
		lot: r.lot,
		modules: r.modules,
		solution: r.solutionName ? { name: r.solutionName, supplier: r.supplierName } : null,
		// null: the commune chose not to be named to the open web
		commune: r.commune && { ...r.commune, url: publicUrl(`/annuaire/${r.commune.slug}`) },
		communeLabel: r.communeLabel,
		firstPublishedAt: r.firstPublishedAt.toISOString(),
		publishedAt: r.publishedAt.toISOString(),
		overallRating: r.overallRating,
		content: r.content
	};
}

const contractIdOf = (reference: string) =>
	getDb()
		.select({ id: contracts.id })
		.from(contracts)
		.where(eq(contracts.reference, reference))
		.get()?.id ?? null;

const organisationIdOf = (slug: string) =>
	getDb()
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, slug))
		.get()?.id ?? null;

/** GET /api/v1/reports (a checked query): newest publication first. */
export function reportListAnswer(url: URL, viewer: Actor | null) {
	const { page, size } = paging(url);
	const marche = url.searchParams.get('marche');
	const commune = url.searchParams.get('commune');
	// an unknown contract or commune is an empty list, not every report
	const contractId = marche === null ? undefined : contractIdOf(marche);
	const organisationId = commune === null ? undefined : organisationIdOf(commune);
	const found =
		contractId === null || organisationId === null
			? { total: 0, items: [] }
			: listPublishedReports(
					viewer,
					{
						contractIds: contractId === undefined ? undefined : [contractId],
						organisationId
					},
					{ limit: size, offset: (page - 1) * size }
				);
	const pageCount = Math.max(1, Math.ceil(found.total / size));
	return {
		total: found.total,
		page,
		pageSize: size,
		pageCount,
		links: links(url, page, pageCount),
		reports: found.items.map(publicReport)
	};
}

/** GET /api/v1/reports/{id}: null when there is no such published report for this caller. */
export function reportAnswer(id: string, viewer: Actor | null) {
	if (!/^[1-9][0-9]{0,15}$/.test(id)) return null;
	const { items } = listPublishedReports(viewer, { reportId: Number(id) });
	return items[0] ? publicReport(items[0]) : null;
}
