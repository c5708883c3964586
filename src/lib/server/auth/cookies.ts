import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Secure everywhere except plain-http localhost, where browsers would refuse it. */
export function cookieIsSecure(url: URL): boolean {
	return !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieIsSecure(url),
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: cookieIsSecure(url) });
}
