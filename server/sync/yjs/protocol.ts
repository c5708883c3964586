/** The y-websocket wire format (message types and the few messages the hub writes). */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { allocateFrame, frameHeaderLength } from '../frame';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export function syncStep1Message(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

/**
 * The frame that relays an update: the y-websocket update message (sync, update, the update's
 * length as a varint, the update), written straight into a WebSocket frame (frame.ts), and the
 * update inside it, which the write batch keeps until its fold instead of a copy of its own.
 */
export function updateFrame(update: Uint8Array): { frame: Buffer; update: Uint8Array } {
	const length = update.byteLength;
	let lengthBytes = 1;
	for (let rest = length; rest > 0x7f; rest = Math.floor(rest / 128)) lengthBytes++;
	const payloadLength = 2 + lengthBytes + length;
	const frame = allocateFrame(payloadLength);
	let at = frameHeaderLength(payloadLength);
	frame[at++] = MESSAGE_SYNC;
	frame[at++] = syncProtocol.messageYjsUpdate;
	let rest = length;
	while (rest > 0x7f) {
		frame[at++] = 0x80 | (rest & 0x7f);
		rest = Math.floor(rest / 128);
	}
	frame[at++] = rest;
	frame.set(update, at);
	return { frame, update: frame.subarray(at) };
}

export function awarenessMessage(
	awareness: awarenessProtocol.Awareness,
	clients: number[]
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(encoder);
}
