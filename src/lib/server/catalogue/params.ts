/** Catalogue filters from a URL's query string, shared by the page and the JSON API. */
import { isTheme } from '../../domain/catalogue/labels';
import { isContractStatus, isModule } from '../../domain/catalogue/types';
import { SORTS, type CatalogueFilters, type Sort } from './list';

export function filtersFromUrl(params: URLSearchParams): CatalogueFilters {
	const positive = (v: string) => (/^\d{1,9}$/.test(v) ? Number(v) : null);
	const tri = params.get('tri');
	return {
		q: params.get('q')?.trim().slice(0, 200) || undefined,
		themes: params.getAll('thematique').filter(isTheme),
		statuses: params.getAll('statut').filter(isContractStatus),
		modules: params.getAll('module').filter(isModule),
		centraleIds: params
			.getAll('centrale')
			.map(positive)
			.filter((n): n is number => n !== null),
		openNow: params.get('ouvert') === '1',
		includeEnded: params.get('termines') === '1',
		sort: (SORTS as readonly string[]).includes(tri ?? '') ? (tri as Sort) : undefined,
		page: positive(params.get('page') ?? '') ?? 1,
		pageSize: positive(params.get('par_page') ?? '') ?? 20
	};
}
