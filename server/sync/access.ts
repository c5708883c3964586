/**
 * Who is connecting (their session, through lib/server/auth) and what they may do with a document,
 * named `<kind>:<id>` whatever the protocol that carries it.
 */
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../src/lib/domain/permissions';
import { sessionFromCookieHeader } from '../../src/lib/server/auth/cookies';
import { boardDocAccess, type DocAccess } from '../../src/lib/server/boards/doc-access';
import { parseDocumentName } from '../../src/lib/server/collab/store';
import { getUser } from '../../src/lib/server/users';
import { CLOSE } from './limits';

/**
 * One resolver per Yjs document kind; a kind without one has no documents to serve here. Reports
 * are Automerge documents: their endpoint resolves them itself (automerge/connection.ts), and
 * a Yjs client must never open `report:<id>` (its updates would land in an Automerge log).
 */
const RESOLVERS: Record<string, (actor: Actor, docName: string) => DocAccess> = {
	board: boardDocAccess
};

export function resolveAccess(actor: Actor, docName: string): DocAccess {
	const kind = parseDocumentName(docName)?.kind;
	const resolver = kind ? RESOLVERS[kind] : undefined;
	return resolver ? resolver(actor, docName) : 'missing';
}

/** What a connection may do with a document it has open; read-only ones' writes are dropped. */
export type Mode = 'write' | 'read';

/** The final close of a refused document (y-websocket stops retrying on 44xx codes). */
export type Refusal = { code: number; reason: string };

/** What `actor` may do with the document named `docName` (null: no such name), or its refusal. */
export function documentMode(actor: Actor, docName: string | null): Mode | Refusal {
	const access = docName ? resolveAccess(actor, docName) : 'missing';
	if (access === 'missing') return { code: CLOSE.notFound, reason: 'document' };
	if (access === 'none') return { code: CLOSE.forbidden, reason: 'forbidden' };
	return access;
}

export interface Authenticated {
	actor: Actor;
	sessionId: string;
}

export function authenticate(req: IncomingMessage): Authenticated | null {
	const { session, user } = sessionFromCookieHeader(req.headers.cookie);
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
