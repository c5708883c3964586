import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './session';

/** The logged-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

/** 403 unless the check passed; use after requireUser. */
export function ensure(allowed: boolean): asserts allowed {
	if (!allowed) error(403, "Vous n'avez pas les droits nécessaires pour cette action.");
}

/** Only same-site paths are followed after login, never another host. */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	return target;
}
