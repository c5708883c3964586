/**
 * A WebSocket message framed once and written to many sockets (RFC 6455 §5.2): the hub relays
 * each update to every peer on the document, and `ws.send` would build the same frame, its
 * options and its header once per peer. A frame from a server is never masked; the hub's are
 * final, uncompressed (perMessageDeflate is off, upgrade.ts) and binary.
 */
const FIN_BINARY = 0x82;

export function binaryFrame(payload: Uint8Array): Buffer {
	const frame = allocateFrame(payload.byteLength);
	frame.set(payload, frameHeaderLength(payload.byteLength));
	return frame;
}

/** The bytes before a payload of `length` bytes. */
export function frameHeaderLength(length: number): number {
	return length < 126 ? 2 : length < 65_536 ? 4 : 10;
}

/** A frame for a payload of `length` bytes, its header written: the payload goes after it. */
export function allocateFrame(length: number): Buffer {
	const frame = Buffer.allocUnsafe(frameHeaderLength(length) + length);
	frame[0] = FIN_BINARY;
	if (length < 126) {
		frame[1] = length;
	} else if (length < 65_536) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeBigUInt64BE(BigInt(length), 2);
	}
	return frame;
}
