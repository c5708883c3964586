/**
 * How big a request body may be, and what the sender is told when a form is too big or cannot
 * be read. server/body-limit.ts enforces the limits on the raw request, before SvelteKit sees
 * it; `readForm` (forms.ts) gives every route's form the French answers. Nothing here imports
 * SvelteKit: the Node server uses it too.
 */
import { MAX_UPLOAD_BYTES } from './catalogue/files';

/**
 * Every form but an upload. The largest the schemas accept is a 20,000-character text (a
 * contract's description, a meeting's minutes): url-encoded, a character takes at most 9 bytes
 * ('€' is %E2%82%AC; a 4-byte character counts as 2 in a string's length), so 180 KB; 256 KB
 * holds that and the rest of its form, and keeps /login from parsing megabytes.
 */
export const SMALL_BODY_LIMIT = 256 * 1024;

/** A document (checked at 10 MB with its own message in catalogue/files.ts) and its form. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 1024 * 1024;

/** The form actions that receive files: the page's path and the action's name. */
const UPLOAD_ACTIONS: { path: RegExp; action: string }[] = [
	{ path: /^\/gestion\/marches\/[^/]+$/, action: 'document' },
	{ path: /^\/rencontres\/\d+$/, action: 'attach' },
	// a decision recorded with its signed PDF, or the PDF attached later (purchase plan)
	{ path: /^\/plan-achats$/, action: 'decision' },
	{ path: /^\/plan-achats$/, action: 'pdf' }
];

export const FORM_TOO_LARGE = `Le formulaire envoyé est trop volumineux : ${SMALL_BODY_LIMIT / 1024} Ko au plus, ou ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo pour un document. Raccourcissez-le et réessayez.`;
export const FORM_UNREADABLE =
	'Le formulaire envoyé est illisible. Rechargez la page, puis envoyez-le à nouveau.';

/**
 * The body limit of a request for `target`, its request line's target as sent (`/login?x`).
 * Split by hand rather than parsed as a URL: any client chooses it, `new URL` throws on some
 * (`//`), and anything odd only ever gets the small limit.
 */
export function bodyLimitFor(target: string): number {
	const mark = target.indexOf('?');
	const path = mark < 0 ? target : target.slice(0, mark);
	const action = formAction(new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1)));
	const upload = UPLOAD_ACTIONS.some((u) => u.action === action && u.path.test(path));
	return upload ? UPLOAD_BODY_LIMIT : SMALL_BODY_LIMIT;
}

/** The named action a POST runs, read as SvelteKit reads it: the first `/name` parameter. */
function formAction(params: URLSearchParams): string {
	for (const [name] of params) if (name.startsWith('/')) return name.slice(1);
	return 'default';
}

/** Whether an error says that a body went over its limit (ours, or SvelteKit's own). */
export function isBodyTooLarge(err: unknown): boolean {
	return typeof err === 'object' && err !== null && 'status' in err && err.status === 413;
}
