import { requireUser } from '$lib/server/auth/guard';
import { inboxPage } from '$lib/server/peers/conversation-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => inboxPage(requireUser(event).id);
