/** The inbox page: announcements the user's commune must still acknowledge, pinned, then notifications. */
import type { InboxFilter } from '../../domain/relay/inbox';
import type { SessionUser } from '../auth/session';
import { pendingAcknowledgements } from './announcements';
import { personalFeedPath } from './feeds';
import { listNotifications } from './notifications';

export function inboxPage(user: SessionUser, filter: InboxFilter) {
	return {
		filter,
		pinned: pendingAcknowledgements(user.organisationId),
		notifications: listNotifications(user.id, 50, filter),
		feedPath: personalFeedPath(user.id)
	};
}
