/** The Annuaire's list page: the communes matching a search, and the centrales beside them. */
import { filterCommunes, listCentrales, listCommunes } from './directory';

/** `intercommunale` is a slug from the address: an unknown one is ignored, not an error. */
export function directoryPage(query: string, intercommunale: string) {
	const centrales = listCentrales();
	const valid = centrales.some((c) => c.slug === intercommunale && c.kind === 'intercommunale');
	const all = listCommunes();
	return {
		query,
		intercommunale: valid ? intercommunale : '',
		communes: filterCommunes(all, { query, intercommunale: valid ? intercommunale : undefined }),
		total: all.length,
		intercommunales: centrales.filter((c) => c.kind === 'intercommunale'),
		otherCentrales: centrales.filter((c) => c.kind !== 'intercommunale')
	};
}
