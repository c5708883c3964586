/**
 * One client socket speaking automerge-repo's protocol. Unlike y-websocket, one socket carries
 * many documents, each named by its automerge-repo DocumentId: the rights are looked up in SQL on
 * every `request` and on the first `sync` of each document, and again when rights change.
 * A document one may not read is answered `doc-unavailable`, exactly as for one that does not
 * exist (the stock client then gives up on it); a forged actor or a malformed message closes
 * this socket only.
 */
import type { RawData, WebSocket } from 'ws';
import type { Actor } from '../../../src/lib/domain/permissions';
import {
	reportAccess,
	reportDocName,
	reportIdOfAutomergeId
} from '../../../src/lib/server/reports/doc-access';
import type { HubConnection } from '../connections';
import { CLOSE, MAX_BUFFERED_BYTES } from '../limits';
import {
	decodeClientMessage,
	encodeMessage,
	errorMessage,
	peerMessage,
	PROTOCOL_VERSION,
	unavailableMessage,
	type ClientMessage
} from './protocol';
import type { AutomergePeer, AutomergeRoom } from './room';
import { openAutomergeRoom } from './rooms';

type OpenDoc = { room: AutomergeRoom; mode: 'read' | 'write'; reportId: number };
type DocMessage = Extract<ClientMessage, { documentId: string }>;

/** presence is small; anything larger is dropped rather than fanned out */
const MAX_EPHEMERAL_BYTES = 8 * 1024;

export class AutomergeConnection implements HubConnection, AutomergePeer {
	private joinedAs: string | null = null;
	private readonly docs = new Map<string, OpenDoc>();

	constructor(
		readonly ws: WebSocket,
		public actor: Actor,
		readonly sessionId: string
	) {
		ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
		ws.on('close', () => {
			for (const { room } of this.docs.values()) room.leave(this);
			this.docs.clear();
		});
	}

	get userId() {
		return this.actor.id;
	}

	get peerId() {
		return this.joinedAs ?? '';
	}

	holds(docName: string): boolean {
		for (const { room } of this.docs.values()) if (room.name === docName) return true;
		return false;
	}

	reauthorise(actor: Actor) {
		this.actor = actor;
		for (const [documentId, open] of [...this.docs]) {
			const access = reportAccess(actor, open.reportId);
			if (access === 'read' || access === 'write') open.mode = access;
			else this.forget(documentId);
		}
	}

	send(message: Uint8Array) {
		if (this.ws.readyState !== this.ws.OPEN) return;
		if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CLOSE.tryLater, 'too slow');
		this.ws.send(message);
	}

	close(code: number, reason: string) {
		if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reason);
	}

	private onMessage(data: RawData, isBinary: boolean) {
		if (!isBinary) return this.close(CLOSE.unsupported, 'binary messages only');
		try {
			this.handle(decodeClientMessage(toBytes(data)));
		} catch {
			this.close(CLOSE.invalid, 'malformed message');
		}
	}

	private handle(message: ClientMessage) {
		if (message.type === 'ignored') return;
		if (message.type === 'join')
			return this.join(message.senderId, message.supportedProtocolVersions);
		// stock clients forward the presence they receive to their other peers, the hub included;
		// the hub relayed it already, so a forwarded copy is dropped rather than taken for a forgery
		if (message.type === 'ephemeral' && this.joinedAs && message.senderId !== this.joinedAs) return;
		// after the join, a socket speaks for its own peer only, and to the hub only
		if (!this.joinedAs || message.senderId !== this.joinedAs) throw new Error('not joined');
		if (message.type === 'ephemeral') return this.ephemeral(message);
		const open = this.open(message);
		if (!open) return this.send(unavailableMessage(this.peerId, message.documentId));
		const verdict = open.room.receive(this, message.data, open.mode);
		if (verdict === 'forged') this.close(CLOSE.forbidden, 'forged actor');
	}

	private join(peerId: string, versions: string[]) {
		if (this.joinedAs && this.joinedAs !== peerId) throw new Error('a socket is one peer');
		this.joinedAs = peerId;
		if (!versions.includes(PROTOCOL_VERSION)) {
			this.send(errorMessage(peerId, 'unsupported protocol version'));
			return this.close(CLOSE.unsupported, 'protocol version');
		}
		this.send(peerMessage(peerId));
	}

	/** The document for this message, opened (and its right checked) when needed; null: refused. */
	private open(message: DocMessage): OpenDoc | null {
		const known = this.docs.get(message.documentId);
		if (known && message.type === 'sync') return known;
		const reportId = reportIdOfAutomergeId(message.documentId);
		const access = reportId === null ? 'missing' : reportAccess(this.actor, reportId);
		if (reportId === null || (access !== 'read' && access !== 'write')) {
			this.forget(message.documentId);
			return null;
		}
		if (known) {
			known.mode = access;
			return known;
		}
		const room = openAutomergeRoom(reportDocName(reportId), reportId, message.documentId);
		room.join(this);
		const open = { room, mode: access, reportId };
		this.docs.set(message.documentId, open);
		return open;
	}

	private forget(documentId: string) {
		const open = this.docs.get(documentId);
		if (!open) return;
		this.docs.delete(documentId);
		open.room.leave(this);
		this.send(unavailableMessage(this.peerId, documentId));
	}

	private ephemeral(message: Extract<ClientMessage, { type: 'ephemeral' }>) {
		const open = this.docs.get(message.documentId);
		if (!open || message.data.byteLength > MAX_EPHEMERAL_BYTES) return;
		const { senderId, documentId, data, count, sessionId } = message;
		open.room.relayEphemeral(this, (targetId) =>
			encodeMessage({ type: 'ephemeral', senderId, targetId, documentId, data, count, sessionId })
		);
	}
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
