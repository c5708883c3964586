import { requireUser } from '$lib/server/auth/guard';
import { reportsListPage } from '$lib/server/reports/report-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const contract = Number(event.url.searchParams.get('marche') ?? '');
	const contractId = Number.isInteger(contract) && contract > 0 ? contract : null;
	return reportsListPage(requireUser(event), { contractId });
};
