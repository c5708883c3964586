import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, validateSessionToken } from './session';

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

/**
 * The session named by a raw `Cookie` header, for requests SvelteKit's `cookies` never see (the
 * sync hub's WebSocket upgrades): validated, renewed or deleted as for any page request.
 */
export function sessionFromCookieHeader(
	header: string | undefined,
	now = new Date()
): ReturnType<typeof validateSessionToken> {
	const token = readCookie(header ?? '', SESSION_COOKIE);
	return token ? validateSessionToken(token, now) : { session: null, user: null };
}

/** The first value of a cookie in a `Cookie` header, URI-decoded (as SvelteKit reads it). */
function readCookie(header: string, name: string): string | null {
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name)
			return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return null;
}
