/**
 * Headers every answer carries (hooks.server.ts sets them). The Content-Security-Policy itself
 * comes from svelte.config.js, with its nonces; only its connect-src is added here, because it
 * names this portal's own origin, which in local mode is known per request only.
 */
import { config } from './config';

const ALWAYS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cross-origin-opener-policy': 'same-origin'
};

/**
 * A year, and the portal's subdomains too (it has none of its own; nothing else lives under its
 * name). Not `preload`: a list compiled into browsers is not for one deployment to decide.
 */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers for an answer to a request for `url`. `url` is built on ORIGIN when it is set (so
 * its origin is the public one) and on the request's Host in local mode, where allowing that
 * origin is safe: it only lets the page talk to where it came from.
 */
export function securityHeaders(url: URL, csp: string | null): Record<string, string> {
	const headers = { ...ALWAYS };
	// the sync hub is the only thing a page connects to, at its own origin in ws(s)
	if (csp) headers['content-security-policy'] = `${csp}; connect-src 'self' ${socketOrigin(url)}`;
	if (config().publicOriginIsHttps) headers['strict-transport-security'] = HSTS;
	return headers;
}

function socketOrigin(url: URL): string {
	return (url.protocol === 'https:' ? 'wss://' : 'ws://') + url.host;
}
