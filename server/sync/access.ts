/** Who is connecting (the session cookie) and what they may do with a document (its SQL row). */
import { and, eq, gt } from 'drizzle-orm';
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../src/lib/domain/permissions';
import { SESSION_COOKIE, validateSessionToken } from '../../src/lib/server/auth/session';
import { boardDocAccess, type DocAccess } from '../../src/lib/server/boards/doc-access';
import { parseDocumentName } from '../../src/lib/server/collab/store';
import { getDb } from '../../src/lib/server/db/client';
import { sessions } from '../../src/lib/server/db/schema';
import { getUser } from '../../src/lib/server/users';

/** One resolver per document kind; a kind without one has no documents to serve. */
const RESOLVERS: Record<string, (actor: Actor, docName: string) => DocAccess> = {
	board: boardDocAccess
};

export function resolveAccess(actor: Actor, docName: string): DocAccess {
	const kind = parseDocumentName(docName)?.kind;
	const resolver = kind ? RESOLVERS[kind] : undefined;
	return resolver ? resolver(actor, docName) : 'missing';
}

export interface Authenticated {
	actor: Actor;
	sessionId: string;
}

export function authenticate(req: IncomingMessage): Authenticated | null {
	const token = readCookie(req.headers.cookie ?? '', SESSION_COOKIE);
	if (!token) return null;
	const { session, user } = validateSessionToken(token);
	if (!session) return null;
	return {
		actor: { id: user.id, role: user.role, organisationId: user.organisationId },
		sessionId: session.id
	};
}

/** The user as the database holds them now (role or organisation may have changed). */
export function reloadActor(userId: number): Actor | null {
	const user = getUser(userId);
	if (!user || user.disabledAt) return null;
	return { id: user.id, role: user.role, organisationId: user.organisationId };
}

/** false once the session has expired or was deleted (a socket must not outlive it) */
export function sessionIsLive(sessionId: string, now = new Date()): boolean {
	const row = getDb()
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
		.get();
	return row !== undefined;
}

function readCookie(header: string, name: string): string | null {
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name)
			return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return null;
}
