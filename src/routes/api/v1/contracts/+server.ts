import { json } from '@sveltejs/kit';
import { publicListItem } from '$lib/server/catalogue/api';
import { listContracts } from '$lib/server/catalogue/list';
import { filtersFromUrl } from '$lib/server/catalogue/params';
import { brusselsToday } from '$lib/server/catalogue/today';
import type { RequestHandler } from './$types';

/** Public contracts, paginated, with the same filters as the catalogue page. */
export const GET: RequestHandler = ({ url }) => {
	const result = listContracts(filtersFromUrl(url.searchParams), brusselsToday());
	const link = (page: number) => {
		const params = new URLSearchParams(url.searchParams);
		params.set('page', String(page));
		return `${url.origin}${url.pathname}?${params}`;
	};
	return json(
		{
			data: result.items.map((c) => publicListItem(c, url.origin)),
			page: result.page,
			pageSize: result.pageSize,
			total: result.total,
			pageCount: result.pageCount,
			links: {
				self: link(result.page),
				next: result.page < result.pageCount ? link(result.page + 1) : null,
				prev: result.page > 1 ? link(result.page - 1) : null
			}
		},
		{ headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' } }
	);
};
