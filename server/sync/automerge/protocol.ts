/**
 * automerge-repo's websocket protocol, as the stock `WebSocketClientAdapter` speaks it: CBOR
 * messages, a `join` answered by `peer`, then `request`/`sync` messages carrying Automerge sync
 * messages for one document, `ephemeral` presence, and `doc-unavailable` refusals. What arrives is
 * checked field by field; anything else throws, and the connection closes.
 */
import { cbor, isValidDocumentId } from '@automerge/automerge-repo';
import { randomUUID } from 'node:crypto';

export const PROTOCOL_VERSION = '1';
/** the hub's own peer id, new for each process (peers reconnect and rejoin after a restart) */
export const HUB_PEER_ID = `centrale-hub-${randomUUID()}`;

export type ClientMessage =
	| { type: 'join'; senderId: string; supportedProtocolVersions: string[] }
	| {
			type: 'request' | 'sync';
			senderId: string;
			targetId: string;
			documentId: string;
			data: Uint8Array;
	  }
	| {
			type: 'ephemeral';
			senderId: string;
			targetId: string;
			documentId: string;
			data: Uint8Array;
			count: number;
			sessionId: string;
	  }
	/** messages of the protocol the hub has no use for (remote heads gossip, a peer's refusal) */
	| { type: 'ignored' };

const IGNORED = new Set(['remote-subscription-change', 'remote-heads-changed', 'doc-unavailable']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 128;

function fail(why: string): never {
	throw new Error(`malformed message: ${why}`);
}

/** Decodes and checks one message from a client; throws when it is not one. */
export function decodeClientMessage(bytes: Uint8Array): ClientMessage {
	const message: unknown = cbor.decode(bytes);
	if (!isRecord(message) || typeof message.type !== 'string') fail('not a message');
	const { type, senderId } = message;
	if (!isId(senderId)) fail('sender');
	if (type === 'join') {
		const versions = message.supportedProtocolVersions;
		if (!Array.isArray(versions) || !versions.every((v) => typeof v === 'string')) fail('versions');
		return { type, senderId, supportedProtocolVersions: versions as string[] };
	}
	if (IGNORED.has(type)) return { type: 'ignored' };
	if (type !== 'request' && type !== 'sync' && type !== 'ephemeral') fail('type');
	const { targetId, documentId, data } = message;
	if (!isId(targetId)) fail('target');
	if (!isValidDocumentId(documentId)) fail('document id');
	if (!(data instanceof Uint8Array) || data.byteLength === 0) fail('data');
	if (type !== 'ephemeral') return { type, senderId, targetId, documentId, data };
	const { count, sessionId } = message;
	if (!Number.isSafeInteger(count) || !isId(sessionId)) fail('ephemeral');
	return { type, senderId, targetId, documentId, data, count: count as number, sessionId };
}

export function encodeMessage(message: Record<string, unknown>): Uint8Array {
	return cbor.encode(message);
}

export const peerMessage = (targetId: string) =>
	encodeMessage({
		type: 'peer',
		senderId: HUB_PEER_ID,
		peerMetadata: {},
		selectedProtocolVersion: PROTOCOL_VERSION,
		targetId
	});

export const errorMessage = (targetId: string, message: string) =>
	encodeMessage({ type: 'error', senderId: HUB_PEER_ID, message, targetId });

export const syncMessage = (targetId: string, documentId: string, data: Uint8Array) =>
	encodeMessage({ type: 'sync', senderId: HUB_PEER_ID, targetId, documentId, data });

export const unavailableMessage = (targetId: string, documentId: string) =>
	encodeMessage({ type: 'doc-unavailable', senderId: HUB_PEER_ID, targetId, documentId });
