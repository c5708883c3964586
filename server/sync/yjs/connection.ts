/**
 * One client socket on one document: decodes y-websocket messages, drops what a read-only
 * connection may not send, and closes only itself on anything malformed.
 */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { Actor } from '../../../src/lib/domain/permissions';
import { documentMode, type Mode } from '../access';
import type { HubConnection } from '../connections';
import { binaryFrame } from '../frame';
import { CLOSE, MAX_BUFFERED_BYTES } from '../limits';
import { TokenBucket } from '../token-bucket';
import { AwarenessGuard, QUERY_BURST, QUERY_PER_SECOND } from './awareness-guard';
import {
	awarenessMessage,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	syncStep2Message
} from './protocol';
import type { Peer, Room } from './room';

export class Connection implements Peer, HubConnection {
	private readonly guard = new AwarenessGuard();
	/** the latest own state held back by the rate, and the timer that publishes it */
	private heldAwareness: Uint8Array | null = null;
	private awarenessTimer: NodeJS.Timeout | null = null;
	/** answers to presence queries, bounded like the connection's own presence */
	private readonly queries = new TokenBucket(QUERY_BURST, QUERY_PER_SECOND);
	private queryTimer: NodeJS.Timeout | null = null;

	constructor(
		readonly ws: WebSocket,
		/** the socket `ws` speaks over: relayed frames are written to it directly (frame.ts) */
		private readonly socket: Duplex,
		readonly room: Room,
		public actor: Actor,
		readonly sessionId: string,
		public mode: Mode
	) {
		ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
		ws.on('close', () => {
			if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
			if (this.queryTimer) clearTimeout(this.queryTimer);
			this.room.leave(this);
		});
		room.join(this);
	}

	get userId() {
		return this.actor.id;
	}

	get awarenessClientId() {
		return this.guard.clientId;
	}

	holds(docName: string): boolean {
		return docName === this.room.name;
	}

	reauthorise(actor: Actor) {
		const mode = documentMode(actor, this.room.name);
		if (typeof mode !== 'string') return this.close(mode.code, mode.reason);
		this.actor = actor;
		this.mode = mode;
	}

	send(message: Uint8Array) {
		this.sendFrame(binaryFrame(message));
	}

	/** Writes a whole frame; ws's own frames (pings, the close) are whole frames too. */
	sendFrame(frame: Buffer) {
		if (this.ws.readyState !== this.ws.OPEN) return;
		// a reader that stopped reading would otherwise make the hub buffer without end
		if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CLOSE.tryLater, 'too slow');
		this.socket.write(frame);
	}

	close(code: number, reason: string) {
		if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reason);
	}

	private onMessage(data: RawData, isBinary: boolean) {
		if (!isBinary) return this.close(CLOSE.unsupported, 'binary messages only');
		try {
			this.handle(toBytes(data));
		} catch {
			this.close(CLOSE.invalid, 'malformed message');
		}
	}

	private handle(bytes: Uint8Array) {
		const decoder = decoding.createDecoder(bytes);
		switch (decoding.readVarUint(decoder)) {
			case MESSAGE_SYNC:
				return this.handleSync(decoder);
			case MESSAGE_AWARENESS:
				return this.handleAwareness(decoding.readVarUint8Array(decoder));
			case MESSAGE_QUERY_AWARENESS:
				return this.answerQuery();
			default:
				return this.close(CLOSE.unsupported, 'unknown message type');
		}
	}

	private handleSync(decoder: decoding.Decoder) {
		const type = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (type === syncProtocol.messageYjsSyncStep1) {
			return this.send(syncStep2Message(this.room.persistedDoc, payload));
		}
		if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
			throw new Error('unknown sync message');
		}
		// read-only: what the client has (step 2) or writes (update) never reaches the document
		if (this.mode === 'write')
			this.room.applyUpdate(payload, this, type === syncProtocol.messageYjsUpdate);
	}

	private handleAwareness(update: Uint8Array) {
		const own = this.guard.own(update, (id) => this.room.claimed(id, this));
		if (!own) return;
		// a state is the whole presence, so a newer one replaces any held back
		this.heldAwareness = own;
		if (!this.awarenessTimer) this.publishAwareness();
	}

	/**
	 * A query asks for everyone's presence, and each answer carries all of it: over the rate, one
	 * answer waits for the next turn and stands for every query that arrives meanwhile (it reads
	 * the states when it is sent, so it is as current as an answer to the last of them).
	 */
	private answerQuery = () => {
		if (this.queryTimer) return;
		const wait = this.queries.take();
		if (wait > 0) {
			this.queryTimer = setTimeout(() => {
				this.queryTimer = null;
				this.answerQuery();
			}, wait);
			return;
		}
		this.send(awarenessMessage(this.room.awareness, [...this.room.awareness.getStates().keys()]));
	};

	/**
	 * Over the rate, the latest state waits for the next turn instead of being dropped: the others
	 * always end up seeing where this person's cursor really is.
	 */
	private publishAwareness = () => {
		this.awarenessTimer = null;
		if (!this.heldAwareness) return;
		const wait = this.guard.turn();
		if (wait > 0) {
			this.awarenessTimer = setTimeout(this.publishAwareness, wait);
			return;
		}
		const own = this.heldAwareness;
		this.heldAwareness = null;
		awarenessProtocol.applyAwarenessUpdate(this.room.awareness, own, this);
	};
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
