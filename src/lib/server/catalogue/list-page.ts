/** The catalogue's lists: the searchable, filtered catalogue and the contracts to come. */
import { catalogueFacets } from './facets';
import { listContracts, searchIds } from './list';
import { filtersFromUrl } from './params';
import { cachedAnswer, filtersKey } from './search-cache';

/**
 * The catalogue for a query string: one page of contracts, the facets counted over the same
 * search, and the links that change one parameter (a new filter goes back to the first page).
 */
export function cataloguePage(query: URLSearchParams, today: string) {
	const filters = filtersFromUrl(query);
	// the full-text search runs once for the list and the facets, and once for all the pages,
	// sorts and filters of the same words (people tick filters after typing); the facets once
	// for all the pages and sorts of the same search
	const q = filters.q;
	const ids = () => q && cachedAnswer(`ids:${JSON.stringify(q)}`, () => searchIds(q));
	const result = cachedAnswer(`list:${filtersKey(filters, today)}`, () =>
		listContracts(filters, today, ids())
	);
	const facets = cachedAnswer(`facets:${filtersKey(filters, today, false)}`, () =>
		catalogueFacets(filters, today, ids())
	);
	const withParam = (key: string, value: string | null) => {
		const params = new URLSearchParams(query);
		if (key !== 'page') params.delete('page');
		if (value === null) params.delete(key);
		else params.set(key, value);
		return `?${params}`;
	};
	return {
		links: {
			prev: result.page > 1 ? withParam('page', String(result.page - 1)) : null,
			next: result.page < result.pageCount ? withParam('page', String(result.page + 1)) : null,
			toggleEnded: withParam('termines', filters.includeEnded ? null : '1')
		},
		filters,
		result,
		facets
	};
}

/** Contracts in preparation or in procedure, the nearest deadline first: what to act on soonest. */
export function upcomingPage(today: string) {
	const { items } = listContracts(
		{ statuses: ['tendering', 'planned'], sort: 'titre', pageSize: 100 },
		today
	);
	const key = (c: (typeof items)[number]) =>
		c.interestDeadline ?? c.tenderCloseDate ?? c.startDate ?? '9999';
	return { items: items.sort((a, b) => key(a).localeCompare(key(b))), today };
}
