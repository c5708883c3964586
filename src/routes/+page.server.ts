import { listCentrales } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	intercommunales: listCentrales().filter((c) => c.kind === 'intercommunale')
});
