/**
 * When the outbox tries a mail again after an SMTP failure. Two kinds of failure:
 * - transient: the server cannot be reached (connection refused, timeout) or answers 4xx
 *   ("try again later", RFC 5321 §4.2.1): retried with exponential backoff — 30 s, 1 min, 2 min…
 *   at most an hour apart — up to TRANSIENT_MAX_ATTEMPTS tries (about a day and a half);
 * - permanent: a 5xx answer (unknown mailbox, refused content): retried PERMANENT_MAX_ATTEMPTS
 *   times in case a misconfigured relay is fixed meanwhile, then given up and shown to admins.
 */
export const TRANSIENT_MAX_ATTEMPTS = 40;
export const PERMANENT_MAX_ATTEMPTS = 3;

export type SmtpFailure = 'transient' | 'permanent';

/** What nodemailer tells about a failure: `responseCode` for SMTP answers, `code` for sockets. */
export interface SmtpErrorShape {
	responseCode?: number;
	code?: string;
}

export function classifySmtpError(err: SmtpErrorShape): SmtpFailure {
	const code = err.responseCode;
	if (typeof code === 'number' && code >= 500 && code < 600) return 'permanent';
	return 'transient';
}

/** The delay before try number `attempts + 1`, after `attempts` failed tries. */
export function backoffMs(attempts: number): number {
	if (attempts <= 0) return 0;
	return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

/** true when a mail that failed `attempts` times this way is given up. */
export function givesUp(failure: SmtpFailure, attempts: number): boolean {
	return attempts >= (failure === 'permanent' ? PERMANENT_MAX_ATTEMPTS : TRANSIENT_MAX_ATTEMPTS);
}
