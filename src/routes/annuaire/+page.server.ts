import { directoryPage } from '$lib/server/directory-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) =>
	directoryPage(
		(url.searchParams.get('q') ?? '').slice(0, 100),
		url.searchParams.get('intercommunale') ?? ''
	);
