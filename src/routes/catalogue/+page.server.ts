import { catalogueFacets, listContracts, searchIds } from '$lib/server/catalogue/list';
import { filtersFromUrl } from '$lib/server/catalogue/params';
import { brusselsToday } from '$lib/server/catalogue/today';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const filters = filtersFromUrl(url.searchParams);
	const today = brusselsToday();
	const ids = searchIds(filters.q); // the full-text search runs once for the list and the facets
	const result = listContracts(filters, today, ids);
	const withParam = (key: string, value: string | null) => {
		const params = new URLSearchParams(url.searchParams);
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
		facets: catalogueFacets(filters, today, ids)
	};
};
