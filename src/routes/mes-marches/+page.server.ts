import { requireUser } from '$lib/server/auth/guard';
import { myContractsPage } from '$lib/server/catalogue/mine-page';
import { brusselsToday } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => myContractsPage(requireUser(event), brusselsToday());
