/** Logging in with a password, throttled as domain/login-throttle.ts says. */
import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { waitLabel, type ThrottleVerdict } from '../../domain/login-throttle';
import { audit } from '../audit';
import { now } from '../clock';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { normalizeEmail } from './accounts';
import { deviceTokenOf, knownDevice } from './devices';
import { decoyHash, verifyPassword } from './password';
import { clearLoginFailures, loginVerdictFor, recordLoginFailure } from './throttle';

export type LoginResult =
	{ ok: true; userId: number } | { ok: false; reason: 'invalid' | 'throttled'; message: string };

/** Who is logging in, as the request shows it. */
export interface LoginClient {
	/** the address adapter-node resolves (ADDRESS_HEADER/XFF_DEPTH behind a proxy) */
	ip: string;
	/** the device cookie this browser holds, if any */
	deviceToken: string | null;
}

export function loginClient(
	event: Pick<RequestEvent, 'getClientAddress' | 'cookies'>
): LoginClient {
	return { ip: event.getClientAddress(), deviceToken: deviceTokenOf(event.cookies) };
}

const INVALID = 'Adresse e-mail ou mot de passe incorrect.';

function throttledMessage(verdict: Extract<ThrottleVerdict, { allowed: false }>): string {
	const where = verdict.reason === 'pair' ? 'pour ce compte' : 'depuis votre réseau';
	return `Trop de tentatives de connexion ${where}. Par sécurité, réessayez dans ${waitLabel(verdict.retryAfterMs)}.`;
}

/** Checks credentials with throttling; never tells which of email or password was wrong. */
export async function authenticate(
	email: string,
	password: string,
	client: LoginClient,
	at = now()
): Promise<LoginResult> {
	email = normalizeEmail(email);
	const user = getDb()
		.select({ id: users.id, hash: users.passwordHash, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.email, email))
		.get();
	const attempt = {
		email,
		ip: client.ip,
		device: user ? knownDevice(user.id, client.deviceToken) : null
	};
	const verdict = loginVerdictFor(attempt, at.getTime());
	if (!verdict.allowed)
		return { ok: false, reason: 'throttled', message: throttledMessage(verdict) };
	const valid = await verifyPassword(user?.hash ?? (await decoyHash()), password);
	if (!user || !valid || user.disabledAt) {
		recordLoginFailure(attempt, at.getTime());
		return { ok: false, reason: 'invalid', message: INVALID };
	}
	clearLoginFailures(attempt);
	audit(
		{
			actorId: user.id,
			action: 'session.login',
			subjectType: 'user',
			subjectId: user.id,
			ip: client.ip
		},
		at
	);
	return { ok: true, userId: user.id };
}
