import { listOutbox } from '$lib/server/mail/outbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ mails: listOutbox(200) });
