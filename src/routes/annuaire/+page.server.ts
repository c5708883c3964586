import { filterCommunes, listCentrales, listCommunes } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const query = (url.searchParams.get('q') ?? '').slice(0, 100);
	const intercommunale = url.searchParams.get('intercommunale') ?? '';
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
};
