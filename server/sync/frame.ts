/**
 * A WebSocket message framed once and written to many sockets (RFC 6455 §5.2): the hub relays
 * each update to every peer on the document, and `ws.send` would build the same frame, its
 * options and its header once per peer. A frame from a server is never masked; the hub's are
 * final, uncompressed (perMessageDeflate is off, upgrade.ts) and binary.
 */
const FIN_BINARY = 0x82;

export function binaryFrame(payload: Uint8Array): Buffer {
	const length = payload.byteLength;
	const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(headerLength + length);
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
	frame.set(payload, headerLength);
	return frame;
}
