import { listContracts } from '$lib/server/catalogue/list';
import { brusselsToday } from '$lib/server/catalogue/today';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const today = brusselsToday();
	const { items } = listContracts(
		{ statuses: ['tendering', 'planned'], sort: 'titre', pageSize: 100 },
		today
	);
	// the nearest deadline first: what a commune must act on soonest
	const key = (c: (typeof items)[number]) =>
		c.interestDeadline ?? c.tenderCloseDate ?? c.startDate ?? '9999';
	return { items: items.sort((a, b) => key(a).localeCompare(key(b))), today };
};
