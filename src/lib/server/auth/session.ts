/**
 * Sessions as Lucia's guide does them: a random token in an HttpOnly cookie, its SHA-256 in the
 * sessions table, 30 days of sliding expiry renewed when less than 15 days remain.
 */
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { OrganisationKind, Role } from '../../domain/roles';
import { getDb } from '../db/client';
import { preparedQueries } from '../db/prepared';
import { emit } from '../events';
import { organisations, sessions, users } from '../db/schema';
import { generateToken, hashToken } from './tokens';

export const SESSION_COOKIE = 'centrale_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
const RENEW_WHEN_LEFT = 15 * DAY;
const TOUCH_EVERY = 5 * 60 * 1000;

export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	organisationId: number;
	organisationName: string;
	/** what the header and presence show: the short name where there is one (IGRETEC), else the name */
	organisationLabel: string;
	organisationSlug: string;
	organisationKind: OrganisationKind;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

export function createSession(
	userId: number,
	meta: { userAgent?: string | null; ip?: string | null } = {},
	now = new Date()
): { token: string; session: Session } {
	const token = generateToken();
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME)
	};
	getDb()
		.insert(sessions)
		.values({
			...session,
			userAgent: meta.userAgent?.slice(0, 300) ?? null,
			ip: meta.ip ?? null,
			lastSeenAt: now
		})
		.run();
	return { token, session };
}

const sessionId = sql.placeholder('id');

// prepared once per connection: every page request and sync-hub upgrade runs these (see prepared.ts)
const statements = preparedQueries((db) => ({
	lookup: db
		.select({
			session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
			user: {
				id: users.id,
				email: users.email,
				name: users.name,
				role: users.role,
				organisationId: users.organisationId,
				organisationName: organisations.name,
				organisationLabel: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})`,
				organisationSlug: organisations.slug,
				organisationKind: organisations.kind
			},
			disabledAt: users.disabledAt,
			lastSeenAt: sessions.lastSeenAt
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.innerJoin(organisations, eq(users.organisationId, organisations.id))
		.where(eq(sessions.id, sessionId))
		.prepare(),
	remove: db.delete(sessions).where(eq(sessions.id, sessionId)).prepare(),
	// set() types take no placeholder: each is wrapped as SQL and bound as given, so the caller
	// passes what the timestamp_ms columns store (UTC ms), as drizzle would have written them
	renew: db
		.update(sessions)
		.set({
			expiresAt: sql`${sql.placeholder('expiresAt')}`,
			lastSeenAt: sql`${sql.placeholder('lastSeenAt')}`
		})
		.where(eq(sessions.id, sessionId))
		.prepare()
}));

/** The session and its user for a cookie token, or nulls; renews or deletes as needed. */
export function validateSessionToken(
	token: string,
	now = new Date()
): { session: Session; user: SessionUser } | { session: null; user: null } {
	const s = statements();
	const id = hashToken(token);
	const row = s.lookup.get({ id });
	if (!row) return { session: null, user: null };
	if (row.disabledAt || now.getTime() >= row.session.expiresAt.getTime()) {
		s.remove.run({ id });
		return { session: null, user: null };
	}
	const session = row.session;
	const renew = session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT;
	// "last activity" to within a few minutes is enough, and spares a write on most requests
	const touch = now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY;
	if (renew) session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
	if (renew || touch) {
		s.renew.run({ id, expiresAt: session.expiresAt.getTime(), lastSeenAt: now.getTime() });
	}
	return { session, user: row.user };
}

/** false once the session has expired or was ended: a socket opened with it must not outlive it */
export function isSessionLive(sessionId: string, now = new Date()): boolean {
	const row = getDb()
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
		.get();
	return row !== undefined;
}

export function invalidateSession(sessionId: string) {
	const row = getDb()
		.delete(sessions)
		.where(eq(sessions.id, sessionId))
		.returning({ userId: sessions.userId })
		.get();
	if (row) emit('sessions.ended', { userId: row.userId, sessionId });
}

/** Ends every session of a user, except `keep` when given (the one making the request). */
export function invalidateUserSessions(userId: number, keep?: string) {
	const where = keep
		? and(eq(sessions.userId, userId), ne(sessions.id, keep))
		: eq(sessions.userId, userId);
	getDb().delete(sessions).where(where).run();
	emit('sessions.ended', { userId, keep });
}

export function listUserSessions(userId: number, now = new Date()) {
	return getDb()
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt,
			userAgent: sessions.userAgent,
			ip: sessions.ip
		})
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
		.orderBy(sessions.createdAt)
		.all();
}

/** Revokes one of the user's own sessions; false when it is not theirs. */
export function revokeOwnSession(userId: number, sessionId: string): boolean {
	const result = getDb()
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.run();
	if (result.changes === 0) return false;
	emit('sessions.ended', { userId, sessionId });
	return true;
}
