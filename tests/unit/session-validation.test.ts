/**
 * validateSessionToken on a real temp database: what it returns, and what it writes back (the
 * prepared update binds the stored values itself, so the rows are read back raw and as Dates).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	SESSION_LIFETIME,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { getDb } from '../../src/lib/server/db/client';
import { organisations, sessions, users } from '../../src/lib/server/db/schema';
import { useTempDatabase } from '../support/temp-db';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date('2026-03-01T09:00:00.123Z');

let userId: number;
let organisationId: number;

useTempDatabase('session');

beforeAll(() => {
	const db = getDb();
	organisationId = db
		.insert(organisations)
		.values({
			kind: 'commune',
			name: 'Commune de Test',
			searchName: 'commune de test',
			slug: 'test',
			shortName: 'CTest'
		})
		.returning({ id: organisations.id })
		.get().id;
	userId = newUser('agent@test.demo');
});

function newUser(email: string): number {
	return getDb()
		.insert(users)
		.values({ email, name: 'Ada Test', role: 'agent', organisationId, passwordHash: 'x' })
		.returning({ id: users.id })
		.get().id;
}

/** the row as drizzle reads it, and the integers SQLite holds */
function stored(id: string) {
	const row = getDb()
		.select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
		.from(sessions)
		.where(eq(sessions.id, id))
		.get();
	const raw = getDb()
		.$client.prepare('select expires_at, last_seen_at from sessions where id = ?')
		.get(id) as { expires_at: number; last_seen_at: number } | undefined;
	return { row, raw };
}

describe('validateSessionToken', () => {
	it('returns the session and its user, with Dates, and writes nothing within minutes', () => {
		const { token, session } = createSession(userId, {}, T0);
		const result = validateSessionToken(token, new Date(T0.getTime() + 4 * MINUTE));
		expect(result.session).toEqual({
			id: session.id,
			userId,
			expiresAt: new Date(T0.getTime() + SESSION_LIFETIME)
		});
		expect(result.session?.expiresAt).toBeInstanceOf(Date);
		expect(result.user).toEqual({
			id: userId,
			email: 'agent@test.demo',
			name: 'Ada Test',
			role: 'agent',
			organisationId,
			organisationName: 'Commune de Test',
			organisationLabel: 'CTest',
			organisationSlug: 'test',
			organisationKind: 'commune'
		});
		expect(stored(session.id).raw).toEqual({
			expires_at: T0.getTime() + SESSION_LIFETIME,
			last_seen_at: T0.getTime()
		});
	});

	it('touches lastSeenAt after five minutes without renewing', () => {
		const { token, session } = createSession(userId, {}, T0);
		const later = new Date(T0.getTime() + 6 * MINUTE);
		const result = validateSessionToken(token, later);
		expect(result.session?.expiresAt).toEqual(session.expiresAt);
		const { row, raw } = stored(session.id);
		expect(raw).toEqual({ expires_at: session.expiresAt.getTime(), last_seen_at: later.getTime() });
		expect(row).toEqual({ expiresAt: session.expiresAt, lastSeenAt: later });
	});

	it('renews when less than 15 days remain, and the row reads back as the Date returned', () => {
		const { token, session } = createSession(userId, {}, T0);
		const later = new Date(T0.getTime() + 16 * DAY);
		const result = validateSessionToken(token, later);
		const renewed = new Date(later.getTime() + SESSION_LIFETIME);
		expect(result.session?.expiresAt).toEqual(renewed);
		const { row, raw } = stored(session.id);
		expect(raw).toEqual({ expires_at: renewed.getTime(), last_seen_at: later.getTime() });
		expect(row).toEqual({ expiresAt: renewed, lastSeenAt: later });
		// the next request sees the renewed session
		expect(validateSessionToken(token, later).session?.expiresAt).toEqual(renewed);
	});

	it('deletes an expired session', () => {
		const { token, session } = createSession(userId, {}, T0);
		const result = validateSessionToken(token, session.expiresAt);
		expect(result).toEqual({ session: null, user: null });
		expect(stored(session.id).raw).toBeUndefined();
	});

	it("deletes a disabled user's session", () => {
		const disabled = newUser('disabled@test.demo');
		const { token, session } = createSession(disabled, {}, T0);
		getDb().update(users).set({ disabledAt: T0 }).where(eq(users.id, disabled)).run();
		const result = validateSessionToken(token, new Date(T0.getTime() + MINUTE));
		expect(result).toEqual({ session: null, user: null });
		expect(stored(session.id).raw).toBeUndefined();
	});

	it('answers nulls for an unknown token and leaves other sessions alone', () => {
		const { session } = createSession(userId, {}, T0);
		expect(validateSessionToken('not-a-token', T0)).toEqual({ session: null, user: null });
		expect(stored(session.id).raw).toBeDefined();
	});
});
