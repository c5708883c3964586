import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { listAbandoned, listOutbox } from '$lib/server/mail/outbox';
import type { PageServerLoad } from './$types';

// the admin layout's check is not enough: a client can ask __data.json for this load alone
export const load: PageServerLoad = (event) => {
	ensure(can(requireUser(event), 'outbox.read'));
	return { mails: listOutbox(200), abandoned: listAbandoned(50) };
};
