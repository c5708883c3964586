/**
 * The open-data answers of peer exchange, the same for every caller whoever is signed in:
 * GET /api/v1/usages lists only the uses whose commune accepts contact, GET /api/v1/events the
 * rencontres without their video links; neither names a person. JSON pages with links.
 */
import { asc, count, gte, lt } from 'drizzle-orm';
import { now } from '../clock';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { peerEvents } from '../db/schema';
import { MAX_PAGE_SIZE } from './api-query';
import { publicEvent } from './event-pages';
import { parseUsageFilters, whoUsesWhatPage } from './who-uses-what-page';

/** `page` and `pageSize` of a checked query (api-query.ts), with their defaults. */
export function paging(url: URL, defaultSize = 50) {
	const page = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1));
	const size = Math.min(
		MAX_PAGE_SIZE,
		Math.max(1, Math.floor(Number(url.searchParams.get('pageSize')) || defaultSize))
	);
	return { page, size };
}

/** self / next / prev of a page, at the public address. */
export function links(url: URL, page: number, pageCount: number) {
	const link = (p: number) => {
		const params = new URLSearchParams(url.searchParams);
		params.set('page', String(p));
		return publicUrl(`${url.pathname}?${params}`);
	};
	return {
		self: link(page),
		next: page < pageCount ? link(page + 1) : null,
		prev: page > 1 ? link(page - 1) : null
	};
}

/** GET /api/v1/usages: consenting uses, filtered as « Qui utilise quoi ? » filters them. */
export function usageListAnswer(url: URL) {
	const { page, size } = paging(url);
	// the page as an anonymous visitor sees it: consenting uses only, whoever asks
	const view = whoUsesWhatPage(parseUsageFilters(url.searchParams), null);
	const rows = view.solutions.flatMap((s) =>
		s.users.map((u) => ({
			solution: s.name,
			contractReference: s.contractReference,
			supplier: s.supplierName,
			commune: { name: u.name, slug: u.slug, arrondissement: u.arrondissement },
			modules: u.modules,
			version: u.version,
			since: u.since,
			contact: publicUrl(`/qui-utilise-quoi/ecrire/${u.usageId}`)
		}))
	);
	const pageCount = Math.max(1, Math.ceil(rows.length / size));
	return {
		total: rows.length,
		page,
		pageSize: size,
		pageCount,
		links: links(url, page, pageCount),
		usages: rows.slice((page - 1) * size, page * size)
	};
}

/** GET /api/v1/events: upcoming rencontres (`?passees=1`: past ones), soonest first. */
export function eventListAnswer(url: URL) {
	const { page, size } = paging(url);
	const past = url.searchParams.get('passees') === '1';
	const where = past ? lt(peerEvents.endsAt, now()) : gte(peerEvents.endsAt, now());
	const db = getDb();
	const total = db.select({ n: count() }).from(peerEvents).where(where).get()?.n ?? 0;
	const rows = db
		.select()
		.from(peerEvents)
		.where(where)
		.orderBy(asc(peerEvents.startsAt), asc(peerEvents.id))
		.limit(size)
		.offset((page - 1) * size)
		.all();
	const pageCount = Math.max(1, Math.ceil(total / size));
	return {
		total,
		page,
		pageSize: size,
		pageCount,
		links: links(url, page, pageCount),
		events: rows.map((e) => ({
			...publicEvent(e),
			startsAt: e.startsAt.toISOString(),
			endsAt: e.endsAt.toISOString(),
			url: publicUrl(`/rencontres/${e.id}`),
			ics: publicUrl(`/rencontres/${e.id}/invitation.ics`)
		}))
	};
}
