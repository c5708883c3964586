import { agendaPage } from '$lib/server/peers/event-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => agendaPage(locals.user);
