/**
 * Signs someone in on this browser once they have proved who they are (password, reset link or
 * invitation): a new session row and its cookie on the answer, and the browser remembered as a
 * known device of the account. One place, so that the three ways in open sessions alike.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { setSessionCookie } from './cookies';
import { rememberDevice } from './devices';
import { createSession } from './session';

export function signIn(
	event: Pick<RequestEvent, 'request' | 'cookies' | 'url' | 'getClientAddress'>,
	userId: number
) {
	const { token, session } = createSession(userId, {
		userAgent: event.request.headers.get('user-agent'),
		ip: event.getClientAddress()
	});
	setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	// from now on this browser is a device the account knows (login throttling lets it through)
	rememberDevice(event.cookies, event.url, userId);
}
